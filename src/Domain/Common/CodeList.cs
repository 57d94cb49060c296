namespace Peksos.Clean.Domain.Common;

/// <summary>A value drawn from a closed list of lowercase API codes (education levels, employment types …).</summary>
public interface ICoded
{
    string Code { get; }
}

/// <summary>Looks a code up in a closed list, giving a validation error that names every accepted value.</summary>
public static class CodeList
{
    public static Result<T> Parse<T>(IReadOnlyList<T> all, string? code, string errorCode, string what)
        where T : ICoded
    {
        if (!string.IsNullOrWhiteSpace(code))
        {
            foreach (var item in all)
            {
                if (string.Equals(item.Code, code, StringComparison.Ordinal))
                {
                    return item;
                }
            }
        }

        var shown = code is null ? "nothing" : $"'{Truncate(code)}'";
        return Error.Validation(errorCode, $"{what} must be one of {string.Join(", ", all.Select(a => a.Code))}; got {shown}.");
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Portfolios;

/// <summary>A self-description essay code: K (knowledge), S (skills), V (values) and a number, e.g. <c>K1</c>, <c>S6</c>.</summary>
public sealed record EssayCode : IComparable<EssayCode>
{
    private static readonly string Order = "KSV";

    private EssayCode(string value) => Value = value;

    public string Value { get; }

    public static Result<EssayCode> Parse(string? value)
    {
        if (value is { Length: 2 } && Order.Contains(value[0], StringComparison.Ordinal) && value[1] is >= '1' and <= '9')
        {
            return new EssayCode(value);
        }

        return Error.Validation("essay.code-invalid", "An essay code is K, S or V followed by a digit, e.g. K1, S6, V3.");
    }

    /// <summary>The codes K1…Kk, S1…Ss, V1…Vv.</summary>
    public static IReadOnlyList<EssayCode> Range(int knowledge, int skills, int values) =>
        Enumerable.Range(1, knowledge).Select(i => new EssayCode($"K{i}"))
            .Concat(Enumerable.Range(1, skills).Select(i => new EssayCode($"S{i}")))
            .Concat(Enumerable.Range(1, values).Select(i => new EssayCode($"V{i}")))
            .ToList();

    public int CompareTo(EssayCode? other) =>
        other is null ? 1 : (Order.IndexOf(Value[0], StringComparison.Ordinal), Value[1]).CompareTo((Order.IndexOf(other.Value[0], StringComparison.Ordinal), other.Value[1]));

    public override string ToString() => Value;
}

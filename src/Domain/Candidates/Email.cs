using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>An e-mail address (lower-cased domain; local part kept as written).</summary>
public sealed record Email
{
    public const int MaxLength = 254;

    private Email(string value) => Value = value;

    public string Value { get; }

    public static Result<Email> Parse(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength)
        {
            return Invalid();
        }

        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.IndexOf('@') != at)
        {
            return Invalid();
        }

        var local = trimmed[..at];
        var domain = trimmed[(at + 1)..].ToLowerInvariant();
        if (local.Length > 64 || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || !local.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".Contains(c)))
        {
            return Invalid();
        }

        var labels = domain.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63 || l.StartsWith('-') || l.EndsWith('-')
                || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            || !labels[^1].All(char.IsAsciiLetter))
        {
            return Invalid();
        }

        return new Email($"{local}@{domain}");
    }

    private static Error Invalid() => Error.Validation("email.invalid", "An e-mail address looks like name@example.org.");

    public override string ToString() => Value;
}

using System.Text;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>
/// An Indonesian phone number normalised to E.164 (<c>+62…</c>). Accepts the forms people write:
/// <c>0812-3456-7890</c>, <c>62812…</c>, <c>+62 812 …</c>, <c>(021) 555 1234</c>.
/// </summary>
public sealed record PhoneNumber
{
    private PhoneNumber(string value) => Value = value;

    /// <summary>E.164 form, e.g. <c>+6281234567890</c>.</summary>
    public string Value { get; }

    public static Result<PhoneNumber> Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 32)
        {
            return Invalid();
        }

        var digits = new StringBuilder(16);
        var trimmed = value.Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+' && i == 0)
            {
                continue;
            }
            else if (c is not (' ' or '-' or '(' or ')' or '.'))
            {
                return Invalid();
            }
        }

        var all = digits.ToString();
        string national;
        if (all.StartsWith("62", StringComparison.Ordinal))
        {
            national = all[2..];
        }
        else if (all.StartsWith('0') && !trimmed.StartsWith('+'))
        {
            national = all[1..];
        }
        else
        {
            return Invalid();
        }

        // Indonesian national significant numbers are 8–12 digits and never start with 0.
        if (national.Length is < 8 or > 12 || national[0] == '0')
        {
            return Invalid();
        }

        return new PhoneNumber("+62" + national);
    }

    private static Error Invalid() =>
        Error.Validation("phone.invalid", "A phone number is an Indonesian number such as 081234567890 or +6281234567890.");

    public override string ToString() => Value;
}

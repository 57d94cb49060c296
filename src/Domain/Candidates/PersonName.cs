using System.Globalization;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>
/// A person's full name as written, academic titles included ("Siti Rahmawati, S.Sos."). Letters of any script,
/// spaces, apostrophes, periods, commas and hyphens are kept verbatim; control characters and markup are refused.
/// </summary>
public sealed record PersonName
{
    public const int MaxLength = 150;

    private PersonName(string value) => Value = value;

    public string Value { get; }

    public static Result<PersonName> Parse(string? value, string errorCode = "name.invalid")
    {
        var trimmed = value is null ? null : TextKey.Nfc(value.Trim());
        if (string.IsNullOrEmpty(trimmed))
        {
            return Error.Validation(errorCode, "A name is required.");
        }

        if (trimmed.Length > MaxLength)
        {
            return Error.Validation(errorCode, $"A name is at most {MaxLength} characters.");
        }

        var letters = 0;
        foreach (var c in trimmed)
        {
            if (char.IsLetter(c))
            {
                letters++;
                continue;
            }

            var allowed = c is ' ' or '\'' or '.' or ',' or '-' or '’' or '`'
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (!allowed)
            {
                return Error.Validation(errorCode, "A name holds letters, spaces, apostrophes, periods, commas and hyphens only.");
            }
        }

        if (letters < 2)
        {
            return Error.Validation(errorCode, "A name needs at least two letters.");
        }

        if (trimmed.Contains("  ", StringComparison.Ordinal))
        {
            return Error.Validation(errorCode, "A name has no double spaces.");
        }

        return new PersonName(trimmed);
    }

    public override string ToString() => Value;
}

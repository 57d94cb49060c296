using System.Globalization;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Certificates;

/// <summary>
/// <c>{prefix}-{year}-{serial:6}-{check:2}</c>, e.g. <c>PSG-2026-000042-NN</c>, with ISO 7064 MOD 97-10 check digits as IBAN
/// uses (domain.md §9), so a mistyped digit or swapped pair fails before any lookup.
/// </summary>
public sealed record CertificateNumber
{
    private CertificateNumber(string prefix, int year, int serial, int checkDigits, string? value = null)
    {
        Prefix = prefix;
        Year = year;
        Serial = serial;
        CheckDigits = checkDigits;
        Value = value ?? string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year:D4}-{serial:D6}-{checkDigits:D2}");
    }

    public string Prefix { get; }

    public int Year { get; }

    public int Serial { get; }

    public int CheckDigits { get; }

    public string Value { get; }

    public const int MaxSerial = 999_999;

    /// <summary>Builds the number for a new certificate, computing its check digits.</summary>
    public static CertificateNumber Create(string prefix, int year, int serial)
    {
        if (prefix is not { Length: 3 } || !prefix.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException("A certificate prefix is three capital letters.", nameof(prefix));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, MaxSerial);
        return new CertificateNumber(prefix, year, serial, ComputeCheckDigits(prefix, year, serial));
    }

    /// <summary>Parses and checks a number as typed; the error is <c>certificate.number-invalid</c>.</summary>
    public static Result<CertificateNumber> Parse(string? value)
    {
        var text = value?.Trim().ToUpperInvariant();
        if (text is not { Length: 18 } || text[3] != '-' || text[8] != '-' || text[15] != '-'
            || !text.AsSpan(0, 3).ContainsOnlyUpperLetters()
            || !text.AsSpan(4, 4).ContainsOnlyDigits() || !text.AsSpan(9, 6).ContainsOnlyDigits() || !text.AsSpan(16, 2).ContainsOnlyDigits())
        {
            return Invalid("A certificate number looks like PSG-2026-000042-NN.");
        }

        var prefix = text[..3];
        var year = int.Parse(text.AsSpan(4, 4), CultureInfo.InvariantCulture);
        var serial = int.Parse(text.AsSpan(9, 6), CultureInfo.InvariantCulture);
        var check = int.Parse(text.AsSpan(16, 2), CultureInfo.InvariantCulture);
        if (serial == 0 || year < 2000)
        {
            return Invalid("The certificate number's year or serial is out of range.");
        }

        if (Mod97(prefix, year, serial, check) != 1)
        {
            return Invalid("The certificate number's check digits do not match: it was probably mistyped.");
        }

        // The checked text is already in the canonical form, so it is the number's value as it stands.
        return new CertificateNumber(prefix, year, serial, check, text);
    }

    public static int ComputeCheckDigits(string prefix, int year, int serial) =>
        98 - Mod97(prefix, year, serial, 0);

    /// <summary>N (letters as A=10 … Z=35, year, serial) followed by <paramref name="lastTwo"/>, mod 97, fed a group at a time without building the string.</summary>
    private static int Mod97(string prefix, int year, int serial, int lastTwo)
    {
        var remainder = 0L;
        foreach (var letter in prefix)
        {
            remainder = (remainder * 100 + (letter - 'A' + 10)) % 97;
        }

        remainder = (remainder * 10_000 + year) % 97;
        remainder = (remainder * 1_000_000 + serial) % 97;
        remainder = (remainder * 100 + lastTwo) % 97;
        return (int)remainder;
    }

    private static Error Invalid(string message) => Error.Validation("certificate.number-invalid", message);

    public override string ToString() => Value;
}

internal static class SpanChecks
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool ContainsOnlyUpperLetters(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}

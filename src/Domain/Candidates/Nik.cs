using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Domain.Candidates;

/// <summary>
/// The NIK, 16 digits <c>PP KK CC DD MM YY SSSS</c> with no check digit (domain.md §4): province, a real birth date
/// (women: day + 40) and a non-zero serial are checked. <see cref="ToString"/> is masked; the digits are in <see cref="Value"/>.
/// </summary>
public sealed record Nik
{
    private Nik(string value) => Value = value;

    /// <summary>The raw 16 digits. Never log it, put it in a URL, or show it to a consumer.</summary>
    public string Value { get; }

    public string ProvinceCode => Value[..2];

    /// <summary>The sex encoded in the NIK: <c>F</c> when the birth day carries the +40 offset.</summary>
    public Sex EncodedSex => DayField > 40 ? Sex.Female : Sex.Male;

    /// <summary>Day and month of birth encoded in the NIK.</summary>
    public (int Day, int Month) EncodedDayMonth => (DayField > 40 ? DayField - 40 : DayField, Number(8, 2));

    /// <summary>The last two digits of the birth year (the century is ambiguous).</summary>
    public int EncodedYearOfCentury => Number(10, 2);

    private int DayField => Number(6, 2);

    private int Number(int start, int length) => int.Parse(Value.AsSpan(start, length), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The NIK shown to people: only the last four digits.</summary>
    public string Masked => MaskedFrom(Value[12..]);

    /// <summary>The masked form from the stored last four digits (all masked when they are unknown).</summary>
    public static string MaskedFrom(string? lastFour) => new string('*', 12) + (lastFour ?? "****");

    public static Result<Nik> Parse(string? value)
    {
        if (value is null || value.Length != 16 || !value.All(char.IsAsciiDigit))
        {
            return Invalid("A NIK is exactly 16 digits.");
        }

        if (Regions.FindProvince(value[..2]) is null)
        {
            return Invalid("The NIK's first two digits are not a province code.");
        }

        var nik = new Nik(value);
        if (nik.DayField is < 1 or > 71 || nik.DayField is > 31 and < 41)
        {
            return Invalid("The NIK's birth-day digits must be 01–31 (men) or 41–71 (women).");
        }

        var (day, month) = nik.EncodedDayMonth;
        if (month is < 1 or > 12)
        {
            return Invalid("The NIK's birth-month digits must be 01–12.");
        }

        var year = nik.EncodedYearOfCentury;
        if (!IsRealDate(1900 + year, month, day) && !IsRealDate(2000 + year, month, day))
        {
            return Invalid("The NIK's birth date is not a real calendar date.");
        }

        if (value[12..] == "0000")
        {
            return Invalid("The NIK's serial number cannot be 0000.");
        }

        return nik;
    }

    /// <summary>
    /// Soft checks against what the person declared. Such NIKs exist and are not reissued, so a disagreement is
    /// a warning to show, never a rejection.
    /// </summary>
    public IReadOnlyList<string> WarningsAgainst(DateOnly declaredBirthDate, Sex declaredSex)
    {
        var warnings = new List<string>(2);
        var (day, month) = EncodedDayMonth;
        if (declaredBirthDate.Day != day || declaredBirthDate.Month != month || declaredBirthDate.Year % 100 != EncodedYearOfCentury)
        {
            warnings.Add("nik.birth-date-mismatch");
        }

        if (declaredSex != EncodedSex)
        {
            warnings.Add("nik.sex-mismatch");
        }

        return warnings;
    }

    private static bool IsRealDate(int year, int month, int day) => day <= DateTime.DaysInMonth(year, month);

    private static Error Invalid(string message) => Error.Validation("nik.invalid", message);

    /// <summary>Masked, so a NIK that slips into a log line or a message does not leak.</summary>
    public override string ToString() => Masked;
}

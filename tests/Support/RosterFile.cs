using System.Globalization;
using System.Text;

namespace Peksos.Clean.Testing;

/// <summary>Generates roster CSV files with synthetic NIKs and broken rows of every kind at known lines.</summary>
public static class RosterFile
{
    public const string Header = "nik,fullName,birthDate,sex,email,phone,educationLevel,educationField,employmentType,organisation,regionCode,practiceAreas";

    /// <summary>The kinds of broken row, each with the error code the import must report.</summary>
    public static readonly (string Code, Func<string[], string[]> Break)[] Breakages =
    [
        ("nik.invalid", r => Set(r, 0, r[0][..15])),
        ("nik.invalid", r => Set(r, 0, "99" + r[0][2..])),
        ("nik.invalid", r => Set(r, 0, r[0][..12] + "0000")),
        ("full-name.invalid", r => Set(r, 1, "")),
        ("full-name.invalid", r => Set(r, 1, "Siti\u0007Rahma")),
        ("birth-date.invalid", r => Set(r, 2, "05/06/1990")),
        ("candidate.underage", r => Set(r, 2, "2015-06-05")),
        ("sex.invalid", r => Set(r, 3, "X")),
        ("email.invalid", r => Set(r, 4, "siti@")),
        ("phone.invalid", r => Set(r, 5, "12345")),
        ("education-level.invalid", r => Set(r, 6, "Sarjana")),
        ("education-field.invalid", r => Set(r, 7, "psychology")),
        ("employment-type.invalid", r => Set(r, 8, "freelancer")),
        ("region.invalid", r => Set(r, 10, "99")),
        ("pmks-category.invalid", r => Set(r, 11, "kemiskinan|poverty")),
        ("practice-areas.required", r => Set(r, 11, "")),
    ];

    public static string Nik(int i) =>
        string.Create(CultureInfo.InvariantCulture, $"187101{1 + (i % 28):D2}{1 + (i / 28 % 12):D2}{80 + (i / 336 % 20):D2}{1 + (i / 6720):D4}");

    public static string[] ValidRow(int i) =>
    [
        Nik(i), $"Peserta {Letters(i)}, S.Sos.", "1990-06-05", "F", $"peserta{i}@example.org", "081234567890", "S1", "kesejahteraan-sosial",
        "pendamping-pkh", i % 2 == 0 ? "Dinas Sosial Kota Bandar Lampung" : "LKS \"Harapan\", Metro", "18.71", "kemiskinan|keterlantaran",
    ];

    /// <summary>A name part made of letters for a number (names hold no digits): 0 → "Aa", 27 → "Ab" …</summary>
    public static string Letters(int i)
    {
        var letters = new StringBuilder("A");
        do
        {
            letters.Append((char)('a' + (i % 26)));
            i /= 26;
        }
        while (i > 0);

        return letters.ToString();
    }

    public static string Line(string[] cells, char separator = ',') => string.Join(separator, cells.Select(c => Quote(c, separator)));

    private static string Quote(string cell, char separator) =>
        cell.Contains(separator, StringComparison.Ordinal) || cell.AsSpan().IndexOfAny("\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;

    private static string[] Set(string[] row, int column, string value)
    {
        var copy = (string[])row.Clone();
        copy[column] = value;
        return copy;
    }

    /// <summary>
    /// <paramref name="rows"/> data rows. Every 50th row is broken (cycling through <see cref="Breakages"/>), every 333rd
    /// repeats an earlier row's NIK. Returns the CSV and what the import must report. <paramref name="firstPerson"/> shifts
    /// the people (NIKs, names, e-mails) so that rosters generated with different shifts never share a NIK.
    /// </summary>
    public static (string Csv, int Valid, int Duplicates, Dictionary<int, string> Rejected) Generate(int rows, int firstPerson = 0)
    {
        var csv = new StringBuilder(Header).Append('\n');
        var rejected = new Dictionary<int, string>();
        int valid = 0, duplicates = 0, broken = 0;
        for (var n = 0; n < rows; n++)
        {
            var i = firstPerson + n;
            var line = n + 2;
            var row = ValidRow(i);
            if (n % 50 == 49)
            {
                var (code, breakRow) = Breakages[broken++ % Breakages.Length];
                row = breakRow(row);
                rejected[line] = code;
            }
            else if (n % 333 == 332)
            {
                row[0] = Nik(i - 1 - (n % 50 == 0 ? 1 : 0)); // the NIK of a valid row above
                duplicates++;
            }
            else
            {
                valid++;
            }

            csv.Append(Line(row)).Append('\n');
        }

        return (csv.ToString(), valid, duplicates, rejected);
    }
}

using System.Text;

namespace Peksos.Clean.Domain.Common;

/// <summary>
/// A person's name folded for comparison: academic and honorific titles (<c>Drs.</c>, <c>Hj.</c>, <c>, M.Si.</c>),
/// case, punctuation and spacing do not count, so "Drs. Hartono, M.Si." and "HARTONO" are one person.
/// </summary>
public static class PersonNameKey
{
    private static readonly HashSet<string> PrefixTitles = ["dr", "dra", "drs", "ir", "prof", "h", "hj", "hc", "kh", "apt", "ns"];

    public static string Of(string name)
    {
        var beforeDegrees = name.Normalize(System.Text.NormalizationForm.FormKC).Split(',', 2)[0];
        var words = Fold(beforeDegrees).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = 0;
        while (first < words.Length - 1 && PrefixTitles.Contains(words[first]))
        {
            first++;
        }

        return string.Join(' ', words[first..]);
    }

    private static string Fold(string text)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                letters.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
            }
        }

        return letters.ToString();
    }
}

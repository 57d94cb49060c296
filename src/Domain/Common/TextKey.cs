using System.Globalization;
using System.Text;

namespace Peksos.Clean.Domain.Common;

/// <summary>
/// The one way text is stored and compared: NFC as stored, and one folding for every comparison (organisations, panel
/// names, duplicate records), so a non-breaking or zero-width space, a case or a trailing period never makes two the same
/// thing look different. Search folds further (diacritics, words).
/// </summary>
public static class TextKey
{
    /// <summary>Text as stored: Unicode NFC, so a name typed decomposed is stored as when typed composed.</summary>
    public static string Nfc(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>NFKC, lower case, format characters and punctuation removed, every run of spaces one space, ends trimmed.</summary>
    public static string Fold(string text) => Build(text.Normalize(NormalizationForm.FormKC), dropPunctuation: true);

    /// <summary>
    /// The words search matches the start of: folded as <see cref="Fold"/>, diacritics removed (<c>José</c> is <c>jose</c>),
    /// split at spaces and hyphens (<c>Ramos-Horta</c> is <c>ramos</c>, <c>horta</c>), other punctuation dropped.
    /// </summary>
    public static IReadOnlyList<string> SearchWords(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var withoutMarks = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            withoutMarks.Append(category == UnicodeCategory.DashPunctuation ? " " : rune.ToString());
        }

        return Build(withoutMarks.ToString().Normalize(NormalizationForm.FormKC), dropPunctuation: true)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The folded form of a search query's words, for matching against <see cref="SearchWords"/>.</summary>
    public static string SearchQuery(string query) => string.Join(' ', SearchWords(query));

    private static string Build(string text, bool dropPunctuation)
    {
        var folded = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.Format || (dropPunctuation && IsPunctuation(category)))
            {
                continue;
            }

            if (Rune.IsWhiteSpace(rune) || category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                pendingSpace = folded.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }

            folded.Append(Rune.ToLowerInvariant(rune).ToString());
        }

        return folded.ToString();
    }

    private static bool IsPunctuation(UnicodeCategory category) => category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
        or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
        or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
}

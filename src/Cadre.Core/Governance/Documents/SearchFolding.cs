using System.Globalization;
using System.Text;

namespace Cadre.Core.Governance.Documents;

/// <summary>
/// What the full-text indexes see: lower case without accents, so that "reunion" finds "réunion" on
/// both engines without a database extension (ADR 0004). Queries are folded the same way.
/// </summary>
public static class SearchFolding
{
    /// <summary>Longest text kept for the index (PostgreSQL refuses a tsvector over 1 MB).</summary>
    public const int MaxIndexedChars = 200_000;

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    continue;
            }
            switch (c)
            {
                case 'œ' or 'Œ': sb.Append("oe"); break;
                case 'æ' or 'Æ': sb.Append("ae"); break;
                case 'ß': sb.Append("ss"); break;
                case '\u2019' or '\u2018': sb.Append('\''); break;
                default: sb.Append(char.ToLowerInvariant(c)); break;
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words of a query: runs of letters and digits, folded. Everything else separates words.</summary>
    public static IReadOnlyList<string> Words(string? query)
    {
        var words = new List<string>();
        var folded = Fold(query);
        var sb = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return words.Take(16).ToList();
    }

    /// <summary>The indexed text of a document: symbol, titles in every language, then the files' text.</summary>
    public static string Build(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder();
        sb.Append(document.Symbol).Append(' ');
        foreach (var l in Common.LocalizedText.Languages)
        {
            if (document.Title[l] is { Length: > 0 } t) sb.Append(t).Append(' ');
        }
        foreach (var f in document.Files.OrderBy(f => f.Language, StringComparer.Ordinal))
        {
            if (sb.Length >= MaxIndexedChars) break;
            if (f.ExtractedText is { Length: > 0 } text) sb.Append('\n').Append(text);
        }
        var folded = Fold(sb.ToString());
        return folded.Length > MaxIndexedChars ? folded[..MaxIndexedChars] : folded;
    }
}

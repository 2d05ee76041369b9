using System.Globalization;
using System.Resources;

namespace Cadre.Core.Reporting.Model;

/// <summary>
/// Labels written into a report, in the REPORT's language (a French report generated from an English
/// interface is all French). Kept in Reporting/Resources/ReportText(.fr).resx, made from report-text.tsv.
/// </summary>
public static class ReportText
{
    private static readonly ResourceManager Resources = new("Cadre.Core.Reporting.Resources.ReportText", typeof(ReportText).Assembly);

    public static string Get(string language, string key) =>
        Resources.GetString(key, ReportCell.Culture(language)) ?? key;

    public static string Format(string language, string key, params object?[] args) =>
        string.Format(ReportCell.Culture(language), Get(language, key), args);

    public static string Status(string language, ReportStatus status) => Get(language, "Status." + status);

    public static string Trend(string language, ReportTrend trend) => Get(language, "Trend." + trend);

    /// <summary>The text of <paramref name="values"/> in <paramref name="language"/>, else English, else any.</summary>
    public static string Pick(IReadOnlyDictionary<string, string>? values, string language)
    {
        if (values is null || values.Count == 0) return "";
        if (values.TryGetValue(language, out var v) && !string.IsNullOrWhiteSpace(v)) return v;
        if (values.TryGetValue("en", out v) && !string.IsNullOrWhiteSpace(v)) return v;
        return values.Values.FirstOrDefault(x => !string.IsNullOrWhiteSpace(x)) ?? "";
    }

    /// <summary>
    /// Like <see cref="Pick"/>, but a gap is marked as narratives' are: a text only in another language is shown
    /// after the "translation missing" marker; no text at all is the <paramref name="missingKey"/> marker (or "").
    /// </summary>
    public static string PickMarked(IReadOnlyDictionary<string, string>? values, string language, string? missingKey)
    {
        if (values is not null && values.TryGetValue(language, out var v) && !string.IsNullOrWhiteSpace(v)) return v;
        var other = Pick(values, language);
        if (other.Length > 0) return Format(language, "MissingTranslation", other);
        return missingKey is null ? "" : Get(language, missingKey);
    }

    internal static CultureInfo Culture(string language) => ReportCell.Culture(language);
}

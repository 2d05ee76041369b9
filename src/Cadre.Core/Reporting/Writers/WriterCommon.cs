using Cadre.Core.Reporting.Model;

namespace Cadre.Core.Reporting.Writers;

/// <summary>What every writer shares: language tags, and the guard against live formulas in spreadsheets.</summary>
public static class WriterCommon
{
    /// <summary>A full BCP 47 tag for a report language, as Word and browsers expect it.</summary>
    public static string LanguageTag(string language) => language switch
    {
        "en" => "en-GB",
        "fr" => "fr-FR",
        "es" => "es-ES",
        "ar" => "ar-SA",
        "zh" => "zh-CN",
        "ru" => "ru-RU",
        _ => language,
    };

    public static bool IsRightToLeft(string language) => language.StartsWith("ar", StringComparison.Ordinal);

    /// <summary>
    /// True when a spreadsheet program would read the text as a formula (OWASP CSV injection: a leading
    /// =, +, -, @, tab or carriage return).
    /// </summary>
    public static bool LooksLikeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text with a leading apostrophe when it would otherwise be read as a formula.</summary>
    public static string GuardFormula(string text) => LooksLikeFormula(text) ? "'" + text : text;

    /// <summary>True for the cells written as numbers (numbers, percentages, amounts).</summary>
    public static bool IsNumeric(ReportCell cell) => cell is NumberCell or PercentCell or AmountCell;
}

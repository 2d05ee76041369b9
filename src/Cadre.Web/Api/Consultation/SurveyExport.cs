using System.Text;
using Cadre.Core.Consultation;
using MiniExcelLibs;

namespace Cadre.Web.Api.Consultation;

/// <summary>A survey's responses as CSV or XLSX: one row per response, one column per question, no live formulas.</summary>
public static class SurveyExport
{
    /// <summary>
    /// A cell a spreadsheet would take as a formula (=, +, -, @, or a tab or carriage return before
    /// them) gets a leading apostrophe, so that it is shown as text (OWASP CSV injection).
    /// </summary>
    public static string Safe(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    private static List<string> Header(Survey survey, string language)
    {
        var header = new List<string>();
        if (!survey.Anonymous) header.Add(language == "fr" ? "Membre" : "Member");
        header.AddRange(survey.Questions.OrderBy(q => q.Position).Select(q => $"Q{q.Position}. {q.Text.Get(language)}"));
        return header;
    }

    private static IEnumerable<List<string>> Lines(Survey survey, IReadOnlyList<ExportRow> rows) =>
        rows.Select(r => (survey.Anonymous ? r.Cells : r.Cells.Prepend(r.MemberCode ?? "")).ToList());

    public static byte[] Csv(Survey survey, IReadOnlyList<ExportRow> rows, string language)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        foreach (var line in Lines(survey, rows).Prepend(Header(survey, language)))
        {
            sb.Append(string.Join(',', line.Select(c => Quote(Safe(c))))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];

        static string Quote(string s) => s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    public static byte[] Xlsx(Survey survey, IReadOnlyList<ExportRow> rows, string language)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(rows);
        var header = Header(survey, language);
        // Columns named by the header; every value a string, escaped, so that nothing is a formula.
        var sheet = Lines(survey, rows).Select(line =>
        {
            var row = new Dictionary<string, object>();
            for (var i = 0; i < header.Count; i++) row[Unique(header, i)] = Safe(i < line.Count ? line[i] : "");
            return row;
        }).ToList();
        if (sheet.Count == 0)
        {
            var empty = new Dictionary<string, object>();
            for (var i = 0; i < header.Count; i++) empty[Unique(header, i)] = "";
            sheet.Add(empty);
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: survey.Code.Length > 31 ? survey.Code[..31] : survey.Code, excelType: ExcelType.XLSX);
        return stream.ToArray();

        static string Unique(List<string> header, int i) => header.IndexOf(header[i]) == i ? Safe(header[i]) : Safe(header[i]) + " (" + (i + 1) + ")";
    }
}

using System.Text;
using System.Xml;
using System.Xml.Linq;
using Cadre.Core.Reporting.Model;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Cadre.Core.Tests.Reporting;

/// <summary>Reports built from the sample source, paths of the golden files and of ../shared, and readers
/// that turn a DOCX or an HTML report into the same plain outline.</summary>
internal static class ReportFixtures
{
    public static readonly DateTime Generated = new(2026, 2, 15, 9, 30, 0, DateTimeKind.Utc);

    public static ReportDocument Small(string language = "en", ReportKind kind = ReportKind.Annual,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? narratives = null) =>
        ReportBuilder.Build(SampleReportSource.Small().Data,
            new ReportBuildOptions(kind, 2025, language, 1, ReportText.Get(language, "ReportStatus.Draft"), Generated, narratives, new SampleChartRenderer()));

    public static ReportDocument Synthetic(int elements, int indicators, string language = "en") =>
        ReportBuilder.Build(SampleReportSource.Synthetic(elements, indicators).Data,
            new ReportBuildOptions(ReportKind.Annual, 2025, language, 1, "Draft", Generated, null, new SampleChartRenderer()));

    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Cadre.slnx"))) return dir.FullName;
            }
            throw new InvalidOperationException("Cadre.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>Compares with a golden file; set CADRE_UPDATE_GOLDEN=1 to rewrite it (then review the diff).</summary>
    public static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(Root, "tests", "Cadre.Core.Tests", "Reporting", "Golden", name);
        if (Environment.GetEnvironmentVariable("CADRE_UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"Golden file {path} is missing; run the tests with CADRE_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    /// <summary>
    /// The structure of a DOCX report: TITLE, CONTENTS, headings by level (H1-H3), paragraphs, gaps, tables with
    /// caption, header and row count, figures with caption and alt text. TOC entries are left out.
    /// </summary>
    public static string DocxOutline(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var lines = new List<string>();
        string? pendingCaption = null;
        string? pendingFigureAlt = null;
        foreach (var element in body.ChildElements)
        {
            if (element is Paragraph p)
            {
                var style = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
                var text = string.Concat(p.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
                var drawing = p.Descendants<Dw.DocProperties>().FirstOrDefault();
                if (drawing is not null)
                {
                    pendingFigureAlt = drawing.Description?.Value;
                    continue;
                }
                switch (style)
                {
                    case "Title": lines.Add("TITLE " + text); break;
                    case "TOCHeading": lines.Add("CONTENTS " + text); break;
                    case "Heading1" or "Heading2" or "Heading3": lines.Add("H" + style[^1] + " " + text); break;
                    case "Gap": lines.Add("GAP " + text); break;
                    case "Caption" when pendingFigureAlt is not null:
                        lines.Add("FIGURE " + text + " | alt=" + pendingFigureAlt);
                        pendingFigureAlt = null;
                        break;
                    case "Caption": pendingCaption = text; break;
                    case { } s when s.StartsWith("TOC", StringComparison.Ordinal): break;
                    default:
                        if (text.Length > 0) lines.Add("P " + text);
                        break;
                }
            }
            else if (element is Table table)
            {
                var rows = table.Elements<TableRow>().ToList();
                var header = rows[0].Elements<TableCell>().Select(c => c.InnerText);
                var repeat = rows[0].TableRowProperties?.GetFirstChild<TableHeader>() is not null ? " [header repeats]" : "";
                lines.Add($"TABLE {pendingCaption} | {string.Join(" | ", header)} | {rows.Count - 1} rows{repeat}");
                pendingCaption = null;
            }
        }
        return string.Join("\n", lines) + "\n";
    }

    public static XDocument ReadHtml(byte[] html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(html), settings);
        return XDocument.Load(reader);
    }

    /// <summary>The same outline as <see cref="DocxOutline"/>, read from the HTML page.</summary>
    public static string HtmlOutline(byte[] html)
    {
        var doc = ReadHtml(html);
        var main = doc.Descendants("main").Single();
        var lines = new List<string>();
        void Walk(XElement e)
        {
            switch (e.Name.LocalName)
            {
                case "h1": lines.Add("TITLE " + e.Value); return;
                case "h2" when e.Parent?.Name == "nav": lines.Add("CONTENTS " + e.Value); return;
                case "nav": foreach (var c in e.Elements()) Walk(c); return;
                case "ol": return;
                case "h2" or "h3" or "h4": lines.Add("H" + (e.Name.LocalName[1] - '1') + " " + e.Value); return;
                case "p" when (string?)e.Attribute("class") == "gap": lines.Add("GAP " + e.Value); return;
                case "p": lines.Add("P " + e.Value); return;
                case "figure":
                    lines.Add("FIGURE " + e.Element("figcaption")!.Value + " | alt=" + (string?)e.Element("img")!.Attribute("alt"));
                    foreach (var t in e.Elements("table")) Walk(t);
                    return;
                case "table":
                    var header = e.Element("thead")!.Descendants("th").Select(th => th.Value);
                    var repeat = e.Element("thead") is not null ? " [header repeats]" : "";
                    lines.Add($"TABLE {e.Element("caption")!.Value} | {string.Join(" | ", header)} | {e.Element("tbody")!.Elements("tr").Count()} rows{repeat}");
                    return;
                default:
                    foreach (var c in e.Elements()) Walk(c);
                    return;
            }
        }
        foreach (var c in main.Elements()) Walk(c);
        return string.Join("\n", lines) + "\n";
    }

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}

using System.Globalization;
using System.Text;
using Cadre.Core.Reporting.Model;

namespace Cadre.Core.Reporting.Writers;

/// <summary>
/// The report as accessible HTML: the language on the root, one h1, section headings h2-h4 in order, a list
/// of contents, tables with a caption and th scope (col for the header row, row for the first column),
/// figures with alt text, a figcaption and the table of their numbers, statuses as text, and gaps in a
/// marked paragraph with a visible text. <see cref="Write"/> makes a standalone page (with its own small style
/// sheet); <see cref="WriteFragment"/> the content alone, for a page of the web app. Void elements are
/// self-closed, so the page is also well-formed XML (the tests read it with an XML parser).
/// </summary>
public static class HtmlReportWriter
{
    private const string Css =
        "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}" +
        "table{border-collapse:collapse;margin:0 0 1.5rem;width:100%}caption{text-align:left;font-weight:bold;padding:.25rem 0}" +
        "th,td{border:1px solid #767676;padding:.25rem .5rem;vertical-align:top}thead th{background:#d9e2f3}td.num{text-align:right}" +
        ".gap{border:2px dashed #7a4400;background:#fff2cc;color:#5c3300;padding:.5rem;font-weight:bold;font-style:italic}" +
        "figure{margin:0 0 1.5rem}figure img{max-width:100%;height:auto;border:1px solid #ccc}figcaption{font-weight:bold}" +
        ".meta{color:#333}nav ol{padding-left:1.25rem}";

    public static byte[] Write(ReportDocument report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return stream.ToArray();
    }

    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var w = new StreamWriter(output, new UTF8Encoding(false), 65536, leaveOpen: true);
        var meta = report.Metadata;
        var tag = WriterCommon.LanguageTag(meta.Language);
        w.Write("<!DOCTYPE html>\n<html lang=\"");
        w.Write(tag);
        w.Write(WriterCommon.IsRightToLeft(meta.Language) ? "\" dir=\"rtl\">\n" : "\">\n");
        w.Write("<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>");
        Encode(w, meta.Title);
        w.Write("</title>\n<style>");
        w.Write(Css);
        w.Write("</style>\n</head>\n<body>\n<main>\n");
        WriteFragment(report, w);
        w.Write("</main>\n</body>\n</html>\n");
    }

    /// <summary>The report's content (h1 to the last table) without html, head or body.</summary>
    public static void WriteFragment(ReportDocument report, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(w);
        var meta = report.Metadata;
        var lang = meta.Language;
        w.Write("<h1>");
        Encode(w, meta.Title);
        w.Write("</h1>\n<p class=\"meta\">");
        Encode(w, $"{L(lang, "Meta.Plan")}{L(lang, "Colon")}{meta.PlanCode}. {L(lang, "Meta.Year")}{L(lang, "Colon")}{meta.Year.ToString(CultureInfo.InvariantCulture)}. " +
            $"{L(lang, "Meta.Version")}{L(lang, "Colon")}{meta.Version.ToString(CultureInfo.InvariantCulture)}. {L(lang, "Meta.Status")}{L(lang, "Colon")}{meta.Status}. " +
            $"{L(lang, "Meta.Generated")}{L(lang, "Colon")}{meta.GeneratedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}.");
        w.Write("</p>\n<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">");
        Encode(w, L(lang, "Contents"));
        w.Write("</h2>\n<ol>\n");
        for (var k = 0; k < report.Sections.Count; k++)
        {
            w.Write("<li><a href=\"#s");
            w.Write(k + 1);
            w.Write("\">");
            Encode(w, report.Sections[k].Title);
            w.Write("</a></li>\n");
        }
        w.Write("</ol>\n</nav>\n");
        for (var k = 0; k < report.Sections.Count; k++)
        {
            Section(w, report.Sections[k], k + 1, lang);
        }
    }

    private static string L(string lang, string key) => ReportText.Get(lang, key);

    private static void Section(TextWriter w, ReportSection section, int index, string lang)
    {
        var h = (section.Level + 1).ToString(CultureInfo.InvariantCulture);
        w.Write("<section aria-labelledby=\"s");
        w.Write(index);
        w.Write("\">\n<h");
        w.Write(h);
        w.Write(" id=\"s");
        w.Write(index);
        w.Write("\">");
        Encode(w, section.Title);
        w.Write("</h");
        w.Write(h);
        w.Write(">\n");
        if (section.Narrative is { } narrative)
        {
            var paragraphs = narrative.For(lang);
            if (paragraphs.Count == 0) Gap(w, L(lang, "MissingNarrative"));
            foreach (var p in paragraphs)
            {
                w.Write("<p>");
                Encode(w, p);
                w.Write("</p>\n");
            }
        }
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case ReportParagraph p:
                    w.Write("<p>");
                    Encode(w, p.Text);
                    w.Write("</p>\n");
                    break;
                case ReportNotice n:
                    Gap(w, n.Text);
                    break;
                case ReportTable t:
                    Table(w, t, lang);
                    break;
                case ReportFigure f:
                    Figure(w, f, lang);
                    break;
            }
        }
        w.Write("</section>\n");
    }

    private static void Gap(TextWriter w, string text)
    {
        w.Write("<p class=\"gap\">");
        Encode(w, text);
        w.Write("</p>\n");
    }

    private static void Table(TextWriter w, ReportTable table, string lang)
    {
        w.Write("<table>\n<caption>");
        Encode(w, table.Caption);
        w.Write("</caption>\n<thead><tr>");
        foreach (var h in table.Header)
        {
            w.Write("<th scope=\"col\">");
            Encode(w, h);
            w.Write("</th>");
        }
        w.Write("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            w.Write("<tr>");
            for (var c = 0; c < table.Header.Count; c++)
            {
                var cell = c < row.Count ? row[c] : EmptyCell.Instance;
                if (c == 0 && table.FirstColumnIsRowHeader)
                {
                    w.Write("<th scope=\"row\">");
                    Encode(w, cell.Display(lang));
                    w.Write("</th>");
                    continue;
                }
                w.Write(cell switch
                {
                    StatusCell s => "<td class=\"status status-" + s.Status.ToString().ToLowerInvariant() + "\">",
                    _ when WriterCommon.IsNumeric(cell) => "<td class=\"num\">",
                    _ => "<td>",
                });
                Encode(w, cell.Display(lang));
                w.Write("</td>");
            }
            w.Write("</tr>\n");
        }
        w.Write("</tbody>\n</table>\n");
    }

    private static void Figure(TextWriter w, ReportFigure figure, string lang)
    {
        w.Write("<figure>\n<img src=\"");
        if (figure.Svg is { Length: > 0 } svg)
        {
            w.Write("data:image/svg+xml;base64,");
            w.Write(Convert.ToBase64String(Encoding.UTF8.GetBytes(svg)));
        }
        else
        {
            w.Write("data:image/png;base64,");
            w.Write(Convert.ToBase64String(figure.Png));
        }
        w.Write("\" alt=\"");
        Encode(w, figure.AltText);
        w.Write("\" width=\"");
        w.Write(figure.WidthPx);
        w.Write("\" height=\"");
        w.Write(figure.HeightPx);
        w.Write("\" />\n<figcaption>");
        Encode(w, figure.Caption);
        w.Write("</figcaption>\n");
        Table(w, figure.Data, lang);
        w.Write("</figure>\n");
    }

    /// <summary>Escapes only what HTML needs; accented letters stay as they are.</summary>
    private static void Encode(TextWriter w, string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (replacement is null) continue;
            w.Write(text.AsSpan(start, i - start));
            w.Write(replacement);
            start = i + 1;
        }
        w.Write(text.AsSpan(start));
    }
}

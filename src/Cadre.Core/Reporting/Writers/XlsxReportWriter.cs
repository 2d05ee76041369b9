using System.Globalization;
using System.Text;
using Cadre.Core.Reporting.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cadre.Core.Reporting.Writers;

/// <summary>
/// Every table of the report (figures' tables included) as a worksheet, after an index sheet that lists them
/// with their captions. On each sheet: the caption in row 1, the header row in bold in row 2, then the rows.
/// Numbers, percentages (as fractions with a % format) and amounts are numeric cells; everything else is an
/// inline string. No cell holds a formula: text that a spreadsheet would read as one (= + - @) is a string
/// cell with the quote-prefix style, the way Excel stores a typed apostrophe. Written with the Open XML
/// SDK's streaming writer, one sheet at a time.
/// </summary>
public static class XlsxReportWriter
{
    // Cell formats (cellXfs indexes) of the style sheet below.
    private const uint Bold = 1, Num0 = 2, Num1 = 3, Num2 = 4, Pct0 = 5, Pct1 = 6, QuotedText = 7;

    public static byte[] Write(ReportDocument report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return stream.ToArray();
    }

    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lang = report.Metadata.Language;
        var tables = report.AllTables().ToList();
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        doc.PackageProperties.Title = report.Metadata.Title;
        doc.PackageProperties.Language = WriterCommon.LanguageTag(lang);
        doc.PackageProperties.Creator = "Cadre";
        var book = doc.AddWorkbookPart();
        AddStyles(book);

        var names = SheetNames(tables);
        var sheets = new Sheets();
        uint sheetId = 1;
        var index = book.AddNewPart<WorksheetPart>();
        WriteSheet(index, ReportText.Get(lang, "Contents"),
            [ReportText.Get(lang, "Contents"), report.Metadata.Title],
            tables.Select((t, k) => (IReadOnlyList<ReportCell>)[new TextCell(names[k]), new TextCell(t.Caption)]).ToList(), lang,
            [20, 100]);
        sheets.Append(new Sheet { Name = Truncate(ReportText.Get(lang, "Contents")), SheetId = sheetId++, Id = book.GetIdOfPart(index) });
        for (var k = 0; k < tables.Count; k++)
        {
            var part = book.AddNewPart<WorksheetPart>();
            WriteSheet(part, tables[k].Caption, tables[k].Header, tables[k].Rows, lang, null);
            sheets.Append(new Sheet { Name = names[k], SheetId = sheetId++, Id = book.GetIdOfPart(part) });
        }
        // The narratives last, one row per section: a missing one shows the same marker as the document, never an empty cell.
        var narratives = book.AddNewPart<WorksheetPart>();
        var narrativeName = Truncate(ReportText.Get(lang, "Narratives"));
        var missing = ReportText.Get(lang, "MissingNarrative");
        WriteSheet(narratives, ReportText.Get(lang, "Narratives"), [ReportText.Get(lang, "Col.Section"), ReportText.Get(lang, "Col.Narrative")],
            report.Sections.Select(s =>
            {
                var paragraphs = (s.Narrative ?? ReportNarrative.None).For(lang);
                return (IReadOnlyList<ReportCell>)[new TextCell(s.Title), new TextCell(paragraphs.Count == 0 ? missing : string.Join("\n\n", paragraphs))];
            }).ToList(), lang, [50, 120]);
        sheets.Append(new Sheet { Name = names.Contains(narrativeName, StringComparer.OrdinalIgnoreCase) ? "N " + narrativeName[..Math.Min(29, narrativeName.Length)] : narrativeName, SheetId = sheetId++, Id = book.GetIdOfPart(narratives) });
        book.Workbook = new Workbook(sheets);
        book.Workbook.Save();
    }

    /// <summary>Unique names of at most 31 characters without the characters Excel refuses.</summary>
    private static List<string> SheetNames(List<ReportTable> tables)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>(tables.Count);
        for (var k = 0; k < tables.Count; k++)
        {
            var clean = new StringBuilder();
            foreach (var c in tables[k].Key)
            {
                clean.Append(c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' or '\'' ? ' ' : c);
            }
            var name = Truncate("T" + (k + 1).ToString(CultureInfo.InvariantCulture) + " " + clean.ToString().Trim());
            var n = 2;
            while (!used.Add(name)) name = Truncate("T" + (k + 1).ToString(CultureInfo.InvariantCulture) + "-" + n++.ToString(CultureInfo.InvariantCulture));
            names.Add(name);
        }
        return names;
    }

    private static string Truncate(string name) => name.Length <= 31 ? name : name[..31];

    private static void WriteSheet(WorksheetPart part, string caption, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<ReportCell>> rows, string lang, double[]? widths)
    {
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteStartElement(new Columns());
        for (var c = 0; c < header.Count; c++)
        {
            var width = widths is not null && c < widths.Length ? widths[c] : c == 0 ? 50 : 18;
            w.WriteElement(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true });
        }
        w.WriteEndElement();
        w.WriteStartElement(new SheetData());
        uint r = 1;
        WriteRow(w, r++, [new TextCell(caption)], lang, bold: true);
        WriteRow(w, r++, header.Select(h => (ReportCell)new TextCell(h)).ToList(), lang, bold: true);
        foreach (var row in rows)
        {
            WriteRow(w, r++, row, lang, bold: false);
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter w, uint rowIndex, IReadOnlyList<ReportCell> cells, string lang, bool bold)
    {
        w.WriteStartElement(new Row { RowIndex = rowIndex });
        for (var c = 0; c < cells.Count; c++)
        {
            var reference = ColumnName(c) + rowIndex.ToString(CultureInfo.InvariantCulture);
            switch (cells[c])
            {
                case EmptyCell:
                    break;
                case NumberCell n:
                    Number(w, reference, n.Value, n.Decimals switch { 0 => Num0, 1 => Num1, _ => Num2 });
                    break;
                case AmountCell a:
                    Number(w, reference, a.ChfThousands, Num0);
                    break;
                case PercentCell p:
                    Number(w, reference, p.Percent / 100m, p.Decimals == 0 ? Pct0 : Pct1);
                    break;
                default:
                    var text = cells[c].Display(lang);
                    uint? style = WriterCommon.LooksLikeFormula(text) ? QuotedText : bold ? Bold : null;
                    var attributes = new List<OpenXmlAttribute> { new("r", "", reference), new("t", "", "inlineStr") };
                    if (style is not null) attributes.Add(new("s", "", style.Value.ToString(CultureInfo.InvariantCulture)));
                    w.WriteStartElement(new Cell(), attributes);
                    w.WriteElement(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
                    w.WriteEndElement();
                    break;
            }
        }
        w.WriteEndElement();
    }

    private static void Number(OpenXmlWriter w, string reference, decimal value, uint style)
    {
        w.WriteStartElement(new Cell(), [new("r", "", reference), new("s", "", style.ToString(CultureInfo.InvariantCulture))]);
        w.WriteElement(new CellValue(value.ToString(CultureInfo.InvariantCulture)));
        w.WriteEndElement();
    }

    private static string Clean(string text) =>
        text.Any(c => c < 0x20 && c is not '\t' and not '\n' and not '\r') ? new string(text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray()) : text;

    internal static string ColumnName(int index)
    {
        var name = "";
        index++;
        while (index > 0)
        {
            var m = (index - 1) % 26;
            name = (char)('A' + m) + name;
            index = (index - m - 1) / 26;
        }
        return name;
    }

    private static void AddStyles(WorkbookPart book)
    {
        var part = book.AddNewPart<WorkbookStylesPart>();
        part.Stylesheet = new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164U, FormatCode = "#,##0.0" },
                new NumberingFormat { NumberFormatId = 165U, FormatCode = "0.0%" })
            { Count = 2U },
            new Fonts(new Font(new FontSize { Val = 11D }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "Calibri" }))
            { Count = 2U },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            new CellFormats(
                new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
                new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true },
                new CellFormat { NumberFormatId = 3U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 164U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 4U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 9U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 165U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 49U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, QuotePrefix = true, ApplyNumberFormat = true })
            { Count = 8U },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
        part.Stylesheet.Save();
    }
}

using System.Globalization;
using System.Text;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Reporting.Writers;
using CsCheck;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Cadre.Core.Tests.Reporting;

public sealed class SpreadsheetWriterTests
{
    private static ReportTable Dangerous() => new("t", "Caption, with \"quotes\"",
        ["Name", "Value", "Share", "Amount", "Status"],
        [
            [new TextCell("=HYPERLINK(\"http://evil\",\"x\")"), new NumberCell(-5m), new PercentCell(12.5m, 1), new AmountCell(1234m), new StatusCell(ReportStatus.OnTrack, "On track")],
            [new TextCell("+1+2"), new NumberCell(3.25m, 2), new PercentCell(100m), new AmountCell(0m), new StatusCell(ReportStatus.NoData, "No data")],
            [new TextCell("-2+3"), EmptyCell.Instance, EmptyCell.Instance, EmptyCell.Instance, new TextCell("@SUM(A1)")],
            [new TextCell("line\nbreak, comma"), new NumberCell(1m), new PercentCell(0m), new AmountCell(-3m), new TextCell("\tcmd")],
        ]);

    [Fact]
    public void Every_table_is_a_sheet_with_its_caption_header_and_numbers_as_numbers()
    {
        var report = ReportFixtures.Small();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(XlsxReportWriter.Write(report)), false);
        var book = doc.WorkbookPart!;
        var sheets = book.Workbook!.Sheets!.Elements<Sheet>().ToList();
        var tables = report.AllTables().ToList();
        Assert.Equal(tables.Count + 2, sheets.Count); // the contents first, the narratives last
        Assert.All(sheets, s => Assert.True(s.Name!.Value!.Length <= 31));
        for (var k = 0; k < tables.Count; k++)
        {
            var rows = Rows(book, sheets[k + 1]);
            Assert.Equal(tables[k].Caption, rows[0][0].Text);
            Assert.Equal(tables[k].Header, rows[1].Select(c => c.Text));
            Assert.Equal(tables[k].Rows.Count, rows.Count - 2);
        }
        var indicators = tables.FindIndex(t => t.Key == "indicators:1");
        var first = Rows(book, sheets[indicators + 1])[2];
        Assert.True(first[3].IsNumber);
        Assert.Equal(92m, decimal.Parse(first[3].Text, CultureInfo.InvariantCulture));
        Assert.Equal("On track", first[5].Text);
    }

    [Fact]
    public void No_cell_of_the_workbook_holds_a_formula_and_formula_like_text_is_stored_as_text()
    {
        var report = new ReportDocument(
            new ReportMetadata("P", "Plan", ReportKind.Annual, 2025, "en", 1, "Draft", "=cmd|' /C calc'!A0", ReportFixtures.Generated),
            [new ReportSection("s", 1, "S", null, [Dangerous()])]);
        var bytes = XlsxReportWriter.Write(report);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var book = doc.WorkbookPart!;
        Assert.Empty(book.WorksheetParts.SelectMany(p => p.Worksheet!.Descendants<CellFormula>()));
        var formats = book.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        var cells = book.WorksheetParts.SelectMany(p => p.Worksheet!.Descendants<Cell>()).ToList();
        var risky = cells.Where(c => c.InlineString is not null && WriterCommon.LooksLikeFormula(c.InlineString.InnerText)).ToList();
        Assert.Equal(5 + 1, risky.Count); // five in the table, and the title on the index sheet
        Assert.All(risky, c =>
        {
            Assert.Equal(CellValues.InlineString, c.DataType!.Value);
            Assert.True(formats[(int)c.StyleIndex!.Value].QuotePrefix!.Value);
        });
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc).Select(e => e.Description).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_large_report_workbook_passes_the_Open_XML_validator()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(XlsxReportWriter.Write(ReportFixtures.Synthetic(40, 160))), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc).Select(e => e.Description).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void CSV_follows_RFC_4180_and_guards_formulas()
    {
        var csv = Encoding.UTF8.GetString(CsvTableWriter.Write(Dangerous()));
        Assert.StartsWith("\uFEFF", csv, StringComparison.Ordinal);
        var rows = ParseCsv(csv[1..]);
        Assert.Equal(["Name", "Value", "Share", "Amount", "Status"], rows[0]);
        Assert.Equal(["'=HYPERLINK(\"http://evil\",\"x\")", "-5", "12.5", "1234", "On track"], rows[1]);
        Assert.Equal(["'+1+2", "3.25", "100", "0", "No data"], rows[2]);
        Assert.Equal(["'-2+3", "", "", "", "'@SUM(A1)"], rows[3]);
        Assert.Equal(["line\nbreak, comma", "1", "0", "-3", "'\tcmd"], rows[4]);
        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void CSV_numbers_do_not_depend_on_the_scale_the_database_returned()
    {
        // PostgreSQL returns numeric(18,6) values as 5.500000, SQLite as 5.5: the CSV is the same.
        ReportTable Table(decimal value, decimal percent, decimal amount) => new("t", "c", ["Value", "Share", "Amount"],
            [[new NumberCell(value, 1), new PercentCell(percent, 1), new AmountCell(amount)]]);
        var fromPostgres = Encoding.UTF8.GetString(CsvTableWriter.Write(Table(5.500000m, 12.50m, 100.00m)));
        var fromSqlite = Encoding.UTF8.GetString(CsvTableWriter.Write(Table(5.5m, 12.5m, 100m)));
        Assert.Equal(fromSqlite, fromPostgres);
        Assert.Equal(["5.5", "12.5", "100"], ParseCsv(fromPostgres[1..])[1]);
        Assert.Equal("0.00001", CsvTableWriter.Value(new NumberCell(0.0000100m)));
    }

    [Fact]
    public void Any_text_survives_a_CSV_round_trip_and_never_starts_a_formula()
    {
        Gen.String.Array[1, 6].Sample(texts =>
        {
            var table = new ReportTable("t", "c", texts.Select((_, k) => "h" + k).ToList(), [texts.Select(t => (ReportCell)new TextCell(t)).ToList()]);
            var csv = Encoding.UTF8.GetString(CsvTableWriter.Write(table));
            var row = ParseCsv(csv[1..])[1];
            for (var k = 0; k < texts.Length; k++)
            {
                Assert.False(WriterCommon.LooksLikeFormula(row[k]));
                Assert.Equal(texts[k], WriterCommon.LooksLikeFormula(texts[k]) ? row[k][1..] : row[k]);
            }
        });
    }

    /// <summary>A strict RFC 4180 reader (CRLF records, quoted fields with doubled quotes).</summary>
    private static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < csv.Length)
        {
            if (csv[i] == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (csv[i] == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (csv[i] == '"') { i++; break; }
                    else field.Append(csv[i++]);
                }
            }
            else if (csv[i] == ',') { row.Add(field.ToString()); field.Clear(); i++; }
            else if (csv[i] == '\r' && csv[i + 1] == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; i += 2; }
            else field.Append(csv[i++]);
        }
        Assert.Empty(row);
        return rows;
    }

    private sealed record XCell(string Text, bool IsNumber);

    private static List<List<XCell>> Rows(WorkbookPart book, Sheet sheet)
    {
        var part = (WorksheetPart)book.GetPartById(sheet.Id!.Value!);
        return part.Worksheet!.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.InlineString is not null ? new XCell(c.InlineString.InnerText, false) : new XCell(c.CellValue?.Text ?? "", c.DataType is null)).ToList()).ToList();
    }
}

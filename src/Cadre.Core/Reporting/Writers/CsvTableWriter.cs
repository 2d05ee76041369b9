using System.Globalization;
using System.Text;
using Cadre.Core.Reporting.Model;

namespace Cadre.Core.Reporting.Writers;

/// <summary>
/// One table as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break
/// quoted, quotes doubled), UTF-8 with a byte-order mark so that spreadsheet programs read accents. Numbers
/// are invariant (a dot for decimals, percentages as percents); text that would be read as a formula gets a
/// leading apostrophe.
/// </summary>
public static class CsvTableWriter
{
    /// <summary>
    /// Every table of the report (the figures' tables included), in document order, as one CSV file each in a ZIP
    /// archive; the names are the table's number and key (<see cref="FileName"/>).
    /// </summary>
    public static byte[] WriteZip(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            var n = 0;
            foreach (var table in report.AllTables())
            {
                var entry = zip.CreateEntry(FileName(++n, table), System.IO.Compression.CompressionLevel.Fastest);
                entry.LastWriteTime = new DateTimeOffset(report.Metadata.GeneratedAtUtc, TimeSpan.Zero);
                using var entryStream = entry.Open();
                Write(table, entryStream);
            }
        }
        return stream.ToArray();
    }

    /// <summary>The file name of the <paramref name="number"/>-th table (from 1): "0007-risks-TP-D1.O2.csv".</summary>
    public static string FileName(int number, ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var key = new string(table.Key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-').ToArray());
        return string.Create(CultureInfo.InvariantCulture, $"{number:D4}-{key}.csv");
    }

    public static byte[] Write(ReportTable table)
    {
        using var stream = new MemoryStream();
        Write(table, stream);
        return stream.ToArray();
    }

    public static void Write(ReportTable table, Stream output)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true);
        WriteRow(writer, table.Header.Select(WriterCommon.GuardFormula));
        foreach (var row in table.Rows)
        {
            WriteRow(writer, row.Select(Field));
        }
    }

    private static string Field(ReportCell cell) => cell is NumberCell or PercentCell or AmountCell ? Value(cell) : WriterCommon.GuardFormula(Value(cell));

    /// <summary>
    /// A cell's value as data: numbers invariant without trailing zeros (PostgreSQL returns 5.500000 where SQLite
    /// returns 5.5; both are written 5.5), percentages in percent, amounts in CHF thousands; text as shown.
    /// </summary>
    public static string Value(ReportCell cell) => cell switch
    {
        NumberCell n => Invariant(n.Value),
        PercentCell p => Invariant(p.Percent),
        AmountCell a => Invariant(a.ChfThousands),
        null => "",
        _ => cell.Display("en"),
    };

    private static void WriteRow(TextWriter writer, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first) writer.Write(',');
            first = false;
            writer.Write(Quote(f));
        }
        writer.Write("\r\n");
    }

    /// <summary>Dividing by 1 with 28 decimals gives the smallest scale that holds the value (no trailing zeros).</summary>
    private static string Invariant(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    internal static string Quote(string field)
    {
        if (field.IndexOfAny([',', '"', '\r', '\n']) < 0) return field;
        return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

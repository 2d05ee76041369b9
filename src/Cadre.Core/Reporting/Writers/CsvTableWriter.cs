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

    private static string Field(ReportCell cell) => cell switch
    {
        NumberCell n => n.Value.ToString(CultureInfo.InvariantCulture),
        PercentCell p => p.Percent.ToString(CultureInfo.InvariantCulture),
        AmountCell a => a.ChfThousands.ToString(CultureInfo.InvariantCulture),
        _ => WriterCommon.GuardFormula(cell.Display("en")),
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

    internal static string Quote(string field)
    {
        if (field.IndexOfAny([',', '"', '\r', '\n']) < 0) return field;
        return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;

namespace Cadre.Core.Reporting.Model;

/// <summary>
/// Plain bars without text, as a PNG and an SVG, for tests and the benchmark only: the production renderer
/// is ScottPlot (to be wired with the Results area's charts). The alt text and the table of numbers that
/// come with every figure carry the values.
/// </summary>
public sealed class SampleChartRenderer : IReportChartRenderer
{
    private const int Width = 600;
    private const int BarHeight = 14;
    private const int Gap = 6;

    public ReportChartImage Render(ReportBarChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var n = Math.Max(1, chart.ValuesPercent.Count);
        var height = Gap + (n * (BarHeight + Gap));
        var lengths = chart.ValuesPercent.Select(v => (int)(Math.Clamp(v, 0m, 200m) / 200m * (Width - 20))).ToList();
        var png = Png(Width, height, (y, row) =>
        {
            // Palette: 0 white, 1 bar blue, 2 dark grey (the 100% line).
            row.Clear();
            var index = (y - Gap) / (BarHeight + Gap);
            if (y >= Gap && (y - Gap) % (BarHeight + Gap) < BarHeight && index < lengths.Count)
            {
                row.Slice(10, lengths[index]).Fill(1);
            }
            row[((Width - 20) / 2) + 10] = 2;
        });
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\">");
        svg.Append("<title>").Append(WebUtility.HtmlEncode(chart.Title)).Append("</title>");
        for (var k = 0; k < chart.ValuesPercent.Count; k++)
        {
            var length = (int)(Math.Clamp(chart.ValuesPercent[k], 0m, 200m) / 200m * (Width - 20));
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"10\" y=\"{Gap + (k * (BarHeight + Gap))}\" width=\"{length}\" height=\"{BarHeight}\" fill=\"#1f5fa0\"/>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{((Width - 20) / 2) + 10}\" y1=\"0\" x2=\"{((Width - 20) / 2) + 10}\" y2=\"{height}\" stroke=\"#333\"/></svg>");
        return new ReportChartImage(png, Width, height, svg.ToString());
    }

    /// <summary>An 8-bit indexed PNG with three colours; <paramref name="fillRow"/> writes the palette index of each pixel of a row.</summary>
    internal static byte[] Png(int width, int height, SpanAction fillRow)
    {
        var raw = new byte[height * (width + 1)];
        for (var y = 0; y < height; y++)
        {
            var offset = y * (width + 1);
            raw[offset] = 0; // filter: none
            fillRow(y, raw.AsSpan(offset + 1, width));
        }
        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw);
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 3; // colour type: indexed
        Chunk(output, "IHDR", header);
        Chunk(output, "PLTE", [0xFF, 0xFF, 0xFF, 0x1F, 0x5F, 0xA0, 0x33, 0x33, 0x33]);
        Chunk(output, "IDAT", idat.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    internal delegate void SpanAction(int y, Span<byte> row);

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        s.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        var crc = Crc32(typeBytes, data);
        Span<byte> c = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(c, crc);
        s.Write(c);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(byte[] a, byte[] b)
    {
        var c = 0xFFFFFFFFu;
        foreach (var x in a) c = CrcTable[(c ^ x) & 0xFF] ^ (c >> 8);
        foreach (var x in b) c = CrcTable[(c ^ x) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}

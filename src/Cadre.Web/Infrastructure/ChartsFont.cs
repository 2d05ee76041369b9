using System.Buffers.Binary;
using ScottPlot;
using SkiaSharp;

namespace Cadre.Web.Infrastructure;

/// <summary>
/// The charts' font, made cheap to write as SVG text. Skia's SVG canvas rebuilds the whole glyph-to-character map of
/// the typeface for every piece of text it writes (<c>SkFontPriv::GlyphsToUnichars</c>), so a text costs in
/// proportion to the font's character map: about 0.15 ms with DejaVu Sans (6,253 glyphs), about 26 texts per chart.
/// This class loads the same font file from the system, with its <c>cmap</c> table replaced by one that lists only
/// the characters charts use in English and French (Latin, punctuation, currency signs: a few hundred), so the same
/// glyphs with the same metrics and the same family name are drawn, and the SVG is the same, five times cheaper.
/// Text with any other character is drawn with the full system font (<see cref="Covers"/>). When the system font
/// cannot be read (missing, or in a collection file), <see cref="Available"/> is false and charts use the full font.
/// </summary>
internal static class ChartsFont
{
    /// <summary>The system font the charts name (the SVG says this family; browsers without it use their sans-serif).</summary>
    public const string SystemName = "DejaVu Sans";

    /// <summary>The name under which ScottPlot finds the reduced font (a resolver of ours, first in ScottPlot's list).</summary>
    public const string ReducedName = "Cadre Charts " + SystemName;

    /// <summary>Code point ranges (inclusive) kept in the reduced character map.</summary>
    private static readonly (int First, int Last)[] Ranges =
    [
        (0x0020, 0x007E), // Basic Latin
        (0x00A0, 0x024F), // Latin-1 Supplement, Latin Extended-A and B (French letters, œ, non-breaking space, ×)
        (0x0300, 0x036F), // combining diacritical marks
        (0x2000, 0x206F), // general punctuation (narrow no-break space of French numbers, dashes, quotes, ellipsis)
        (0x20A0, 0x20CF), // currency signs
        (0x2100, 0x214F), // letter-like symbols (№, ™)
        (0x2190, 0x2193), // arrows
        (0x2212, 0x2212), // minus sign
        (0x2264, 0x2265), // ≤ ≥
    ];

    private static readonly Lazy<(SKTypeface Regular, SKTypeface Bold)?> Fonts = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether the reduced font could be made (and is registered with ScottPlot).</summary>
    public static bool Available => Fonts.Value is not null;

    /// <summary>The font name for a chart whose texts are <paramref name="texts"/>: the reduced font when it covers them all.</summary>
    public static string NameFor(IEnumerable<string> texts) =>
        Available && texts.All(Covers) ? ReducedName : SystemName;

    /// <summary>Whether every character of <paramref name="text"/> is in the reduced character map (line breaks are not drawn).</summary>
    public static bool Covers(string text)
    {
        foreach (var c in text)
        {
            if (c is '\n' or '\r') continue;
            if (!InRanges(c)) return false;
        }
        return true;
    }

    private static bool InRanges(int c)
    {
        foreach (var (first, last) in Ranges)
        {
            if (c < first) return false;
            if (c <= last) return true;
        }
        return false;
    }

    private static (SKTypeface, SKTypeface)? Load()
    {
        var regular = Reduce(SKFontStyle.Normal);
        var bold = Reduce(SKFontStyle.Bold);
        if (regular is null || bold is null) return null;
        ScottPlot.Fonts.FontResolvers.Insert(0, new Resolver(regular, bold));
        return (regular, bold);
    }

    /// <summary>The system font of that style with the reduced character map, or null when it cannot be read.</summary>
    internal static SKTypeface? Reduce(SKFontStyle style)
    {
        using var full = SKFontManager.Default.MatchFamily(SystemName, style);
        if (full is null || full.FamilyName != SystemName) return null;
        var bytes = WithReducedCmap(full);
        return bytes is null ? null : SKTypeface.FromData(SKData.CreateCopy(bytes));
    }

    /// <summary>The font file of <paramref name="typeface"/> with its <c>cmap</c> table replaced (all other tables as they are).</summary>
    private static byte[]? WithReducedCmap(SKTypeface typeface)
    {
        using var stream = typeface.OpenStream(out var index);
        if (stream is null || index != 0 || !stream.HasLength) return null;
        var font = new byte[stream.Length];
        if (stream.Read(font, font.Length) != font.Length || font.Length < 12) return null;
        var version = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (version is not (0x00010000 or 0x4F54544F)) return null; // TrueType or CFF OpenType, not a collection

        var map = new List<(ushort Code, ushort Glyph)>();
        foreach (var (first, last) in Ranges)
        {
            for (var c = first; c <= last; c++)
            {
                var glyph = typeface.GetGlyph(c);
                if (glyph != 0) map.Add(((ushort)c, glyph));
            }
        }
        var cmap = Cmap(map);

        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new List<(uint Tag, byte[] Data)>(count);
        for (var t = 0; t < count; t++)
        {
            var record = font.AsSpan(12 + 16 * t, 16);
            var tag = BinaryPrimitives.ReadUInt32BigEndian(record);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            if (offset < 0 || length < 0 || offset + length > font.Length) return null;
            tables.Add((tag, tag == 0x636D6170 /* cmap */ ? cmap : font.AsSpan(offset, length).ToArray()));
        }
        var headerLength = 12 + 16 * count;
        var result = new byte[headerLength + tables.Sum(t => Padded(t.Data.Length))];
        font.AsSpan(0, 12).CopyTo(result);
        var position = headerLength;
        for (var t = 0; t < tables.Count; t++)
        {
            var record = result.AsSpan(12 + 16 * t, 16);
            BinaryPrimitives.WriteUInt32BigEndian(record, tables[t].Tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(tables[t].Data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)tables[t].Data.Length);
            tables[t].Data.CopyTo(result, position);
            position += Padded(tables[t].Data.Length);
        }
        return result;
    }

    private static int Padded(int length) => (length + 3) & ~3;

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var k = 0; k < 4; k++) word = (word << 8) | (i + k < data.Length ? data[i + k] : 0u);
            sum += word;
        }
        return sum;
    }

    /// <summary>A <c>cmap</c> table with one Windows Unicode BMP subtable (format 4) mapping exactly <paramref name="map"/> (sorted by code).</summary>
    private static byte[] Cmap(List<(ushort Code, ushort Glyph)> map)
    {
        var segments = new List<(int Start, int End, int First)>();
        for (var i = 0; i < map.Count;)
        {
            var j = i;
            while (j + 1 < map.Count && map[j + 1].Code == map[j].Code + 1) j++;
            segments.Add((map[i].Code, map[j].Code, i));
            i = j + 1;
        }
        var segCount = segments.Count + 1; // and the final 0xFFFF segment
        var subtableLength = 16 + 8 * segCount + 2 * map.Count;
        var data = new byte[12 + subtableLength];
        var header = data.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], 1); // one encoding record
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], 3); // Windows
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], 1); // Unicode BMP
        BinaryPrimitives.WriteUInt32BigEndian(header[8..], 12);
        var s = data.AsSpan(12);
        var (power, log) = (1, 0);
        while (power * 2 <= segCount) (power, log) = (power * 2, log + 1);
        BinaryPrimitives.WriteUInt16BigEndian(s, 4);
        BinaryPrimitives.WriteUInt16BigEndian(s[2..], (ushort)subtableLength);
        BinaryPrimitives.WriteUInt16BigEndian(s[6..], (ushort)(2 * segCount));
        BinaryPrimitives.WriteUInt16BigEndian(s[8..], (ushort)(2 * power));
        BinaryPrimitives.WriteUInt16BigEndian(s[10..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(s[12..], (ushort)(2 * segCount - 2 * power));
        int ends = 14, starts = 16 + 2 * segCount, deltas = starts + 2 * segCount, rangeOffsets = deltas + 2 * segCount, glyphs = rangeOffsets + 2 * segCount;
        for (var i = 0; i < segCount; i++)
        {
            var last = i == segments.Count;
            var (start, end, first) = last ? (0xFFFF, 0xFFFF, 0) : segments[i];
            BinaryPrimitives.WriteUInt16BigEndian(s[(ends + 2 * i)..], (ushort)end);
            BinaryPrimitives.WriteUInt16BigEndian(s[(starts + 2 * i)..], (ushort)start);
            BinaryPrimitives.WriteUInt16BigEndian(s[(deltas + 2 * i)..], (ushort)(last ? 1 : 0));
            // Offset in bytes from this idRangeOffset entry to the segment's first entry of glyphIdArray.
            BinaryPrimitives.WriteUInt16BigEndian(s[(rangeOffsets + 2 * i)..], (ushort)(last ? 0 : 2 * (segCount - i) + 2 * first));
        }
        for (var i = 0; i < map.Count; i++) BinaryPrimitives.WriteUInt16BigEndian(s[(glyphs + 2 * i)..], map[i].Glyph);
        return data;
    }

    /// <summary>
    /// Gives ScottPlot the reduced font for <see cref="ReducedName"/>; any other name goes to ScottPlot's own resolvers.
    /// Charts use no italic, so the slant is not looked at.
    /// </summary>
    private sealed class Resolver(SKTypeface regularFace, SKTypeface boldFace) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            fontName == ReducedName ? (weight >= FontWeight.SemiBold ? boldFace : regularFace) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == ReducedName ? (bold ? boldFace : regularFace) : null;
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Cadre.Core.Reporting.Model;
using ScottPlot;
using SkiaSharp;

namespace Cadre.Core.Reporting.Sources;

/// <summary>
/// The report's charts drawn by ScottPlot 5 (like the web's <c>Charts</c> helper): PNG for Word (and, by default,
/// the web page too, so that one drawing serves both), SVG when asked for. The builder supplies the alt text and the
/// table of every number shown. Each call builds its own plot, so calls may run in parallel.
/// Registered as a singleton, it keeps the images it drew (up to <see cref="MaxCachedBytes"/>): the same chart asked
/// again (the HTML file after the Word file of the same report, another language aside) is not drawn twice.
/// </summary>
public sealed class ScottPlotChartRenderer : IReportChartRenderer
{
    public const int Width = 640;
    /// <summary>The most bytes of images kept for reuse; past it the cache starts again empty.</summary>
    public const long MaxCachedBytes = 64L * 1024 * 1024;
    private const string FontName = "DejaVu Sans";
    private const string TargetColour = "#0B3D91";
    private const string BarColour = "#1F5FA0";

    private readonly ConcurrentDictionary<string, ReportChartImage> _cache = new(StringComparer.Ordinal);
    private long _cachedBytes;

    /// <summary>How many charts this renderer has drawn (cache hits excluded).</summary>
    public int Drawn => _drawn;
    private int _drawn;

    public ReportChartImage Render(ReportBarChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var key = Key(chart);
        if (_cache.TryGetValue(key, out var cached)) return cached;
        var image = Draw(chart);
        Interlocked.Increment(ref _drawn);
        var size = image.Png.LongLength + ((image.Svg?.Length ?? 0) * 2L);
        if (Interlocked.Add(ref _cachedBytes, size) > MaxCachedBytes)
        {
            _cache.Clear();
            Interlocked.Exchange(ref _cachedBytes, size);
        }
        _cache[key] = image;
        return image;
    }

    private static string Key(ReportBarChart chart)
    {
        var b = new StringBuilder();
        b.Append((int)chart.Formats).Append('\u001f').Append(chart.Title).Append('\u001f').Append(chart.ValueAxisLabel);
        for (var k = 0; k < chart.Labels.Count; k++)
        {
            b.Append('\u001f').Append(chart.Labels[k]).Append('\u001e').Append(k < chart.ValuesPercent.Count ? chart.ValuesPercent[k].ToString(CultureInfo.InvariantCulture) : "");
        }
        return b.ToString();
    }

    private static ReportChartImage Draw(ReportBarChart chart)
    {
        var n = Math.Max(1, chart.ValuesPercent.Count);
        var height = Math.Clamp(90 + (n * 26), 160, 1200);
        var plot = NewPlot(chart.Title);
        var bars = chart.ValuesPercent.Select((v, i) => new Bar
        {
            Position = n - 1 - i,
            Value = (double)Math.Clamp(v, 0m, 200m),
            FillColor = Color.FromHex(BarColour),
        }).ToArray();
        if (bars.Length > 0)
        {
            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                bars.Select(b => b.Position).ToArray(), chart.Labels.ToArray());
        }
        var hundred = plot.Add.VerticalLine(100);
        hundred.Color = Color.FromHex(TargetColour);
        hundred.LineWidth = 2;
        plot.Axes.Bottom.Label.Text = chart.ValueAxisLabel + " (%)";
        plot.Axes.SetLimitsX(0, Math.Max(110, (double)chart.ValuesPercent.DefaultIfEmpty(0).Max() + 10));
        plot.Axes.SetLimitsY(-0.6, n - 0.4);
        return Draw(plot, Width, height, chart.Formats);
    }

    /// <summary>One plot per thread, set up once (font resolution and axes are costly) and cleared between charts.</summary>
    [ThreadStatic]
    private static Plot? _plot;

    private static Plot NewPlot(string title)
    {
        var plot = _plot;
        if (plot is null)
        {
            plot = _plot = new Plot();
            plot.Font.Set(FontName);
        }
        else
        {
            plot.Clear();
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic();
        }
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = 14;
        plot.Axes.Bottom.Label.FontSize = 12;
        plot.Axes.Left.Label.FontSize = 12;
        return plot;
    }

    private static ReportChartImage Draw(Plot plot, int width, int height, ReportImageFormats formats)
    {
        var png = formats.HasFlag(ReportImageFormats.Png) ? Png(plot, width, height) : [];
        var svg = formats.HasFlag(ReportImageFormats.Svg) ? plot.GetSvgXml(width, height) : null;
        return new ReportChartImage(png, width, height, svg);
    }

    /// <summary>
    /// The chart as PNG, encoded with fast settings: zlib level 1 with the "Sub" filter, which suits charts' flat
    /// colours (ScottPlot's own encoding, at Skia's default level, took about as long as drawing the chart).
    /// </summary>
    private static byte[] Png(Plot plot, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Skia could not create a drawing surface.");
        plot.Render(surface);
        using var image = surface.Snapshot();
        using var pixmap = image.PeekPixels();
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 1))
            ?? throw new InvalidOperationException("Skia could not encode the chart as PNG.");
        return data.ToArray();
    }
}

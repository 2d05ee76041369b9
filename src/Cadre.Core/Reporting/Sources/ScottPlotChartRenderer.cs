using System.Globalization;
using Cadre.Core.Reporting.Model;
using ScottPlot;

namespace Cadre.Core.Reporting.Sources;

/// <summary>
/// The report's charts drawn by ScottPlot 5 (like the web's <c>Charts</c> helper): PNG for Word, SVG for the web
/// page, only the formats asked for. Numbers on the axes follow the report's language; the builder supplies the alt
/// text and the table of every number shown. Each call builds its own plot, so calls may run in parallel.
/// </summary>
public sealed class ScottPlotChartRenderer : IReportChartRenderer
{
    public const int Width = 640;
    public const int SeriesHeight = 320;
    private const string FontName = "DejaVu Sans";
    private const string ActualColour = "#0D6EFD";
    private const string YearTargetColour = "#6F42C1";
    private const string BaselineColour = "#6C757D";
    private const string TargetColour = "#0B3D91";
    private const string BarColour = "#1F5FA0";

    public ReportChartImage Render(ReportBarChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
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

    public ReportChartImage? RenderSeries(ReportSeriesChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var culture = ReportText.Culture(chart.Language);
        var plot = NewPlot(chart.Title.Length > 80 ? chart.Title[..77] + "..." : chart.Title);
        var values = new List<double>();
        var years = chart.Points.Select(p => p.Year).ToList();
        void Line(IEnumerable<(int Year, decimal Value)> points, string label, string colour, bool markersOnly)
        {
            var list = points.ToList();
            if (list.Count == 0) return;
            var scatter = plot.Add.Scatter(list.Select(p => (double)p.Year).ToArray(), list.Select(p => (double)p.Value).ToArray());
            scatter.LegendText = label;
            scatter.Color = Color.FromHex(colour);
            scatter.LineWidth = markersOnly ? 0 : 2;
            scatter.MarkerSize = 8;
            values.AddRange(list.Select(p => (double)p.Value));
        }
        Line(chart.Points.Where(p => p.Target is not null).Select(p => (p.Year, p.Target!.Value)), chart.TargetLabel, YearTargetColour, markersOnly: true);
        Line(chart.Points.Where(p => p.Actual is not null).Select(p => (p.Year, p.Actual!.Value)), chart.ActualLabel, ActualColour, markersOnly: false);
        void Reference(decimal? value, string label, string colour, float width)
        {
            if (value is not { } v) return;
            var line = plot.Add.HorizontalLine((double)v);
            line.LegendText = label;
            line.Color = Color.FromHex(colour);
            line.LineWidth = width;
            values.Add((double)v);
        }
        Reference(chart.Baseline, chart.BaselineLabel, BaselineColour, 2);
        Reference(chart.EndTarget, chart.EndTargetLabel, TargetColour, 3);
        if (years.Count > 0)
        {
            var ticks = Enumerable.Range(years.Min(), years.Max() - years.Min() + 1).ToArray();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                ticks.Select(t => (double)t).ToArray(), ticks.Select(t => t.ToString(CultureInfo.InvariantCulture)).ToArray());
            plot.Axes.SetLimitsX(years.Min() - 0.5, years.Max() + 0.5);
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("#,##0.##", culture) };
        plot.Axes.Left.Label.Text = chart.ValueAxisLabel;
        if (values.Count > 0)
        {
            var (lo, hi) = (values.Min(), values.Max());
            var pad = Math.Max((hi - lo) * 0.15, Math.Abs(hi) * 0.05);
            if (pad == 0) pad = 1;
            plot.Axes.SetLimitsY(lo >= 0 ? Math.Max(0, lo - pad) : lo - pad, hi + pad);
        }
        plot.ShowLegend(Edge.Bottom);
        return Draw(plot, Width, SeriesHeight, chart.Formats);
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = 14;
        plot.Axes.Bottom.Label.FontSize = 12;
        plot.Axes.Left.Label.FontSize = 12;
        return plot;
    }

    private static ReportChartImage Draw(Plot plot, int width, int height, ReportImageFormats formats)
    {
        var png = formats.HasFlag(ReportImageFormats.Png) ? plot.GetImageBytes(width, height, ImageFormat.Png) : [];
        var svg = formats.HasFlag(ReportImageFormats.Svg) ? plot.GetSvgXml(width, height) : null;
        return new ReportChartImage(png, width, height, svg);
    }
}

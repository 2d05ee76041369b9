namespace Cadre.Core.Reporting.Model;

/// <summary>Which images a chart is drawn as: PNG for Word, SVG for the web page.</summary>
[Flags]
public enum ReportImageFormats
{
    Png = 1,
    Svg = 2,
    Both = Png | Svg,
}

/// <summary>A horizontal bar chart of values in percent, one bar per label.</summary>
/// <param name="Formats">The images wanted; a renderer may draw more, never fewer than PNG when PNG is asked.</param>
public sealed record ReportBarChart(string Title, IReadOnlyList<string> Labels, IReadOnlyList<decimal> ValuesPercent, string ValueAxisLabel,
    ReportImageFormats Formats = ReportImageFormats.Both);

/// <summary>
/// The series of one indicator over the years: the actual values (and the yearly targets) as lines, with the
/// baseline and the end target as horizontal lines. Labels are in the report's language.
/// </summary>
/// <param name="Language">The report's language (numbers on the axes follow it).</param>
public sealed record ReportSeriesChart(
    string Title,
    string Language,
    string ValueAxisLabel,
    string ActualLabel,
    string TargetLabel,
    string BaselineLabel,
    string EndTargetLabel,
    decimal? Baseline,
    decimal? EndTarget,
    IReadOnlyList<ReportIndicatorPoint> Points,
    ReportImageFormats Formats = ReportImageFormats.Both);

/// <summary>A rendered chart: PNG for Word (empty when only SVG was asked), SVG (optional) for the web page.</summary>
public sealed record ReportChartImage(byte[] Png, int WidthPx, int HeightPx, string? Svg);

/// <summary>
/// Draws the report's charts. <c>ScottPlotChartRenderer</c> (Reporting/Sources) is the production renderer;
/// <see cref="SampleChartRenderer"/> draws plain bars for tests and the benchmark.
/// </summary>
public interface IReportChartRenderer
{
    ReportChartImage Render(ReportBarChart chart);

    /// <summary>The line chart of one indicator's series; null when this renderer does not draw series (the report
    /// then shows the series' table without a chart).</summary>
    ReportChartImage? RenderSeries(ReportSeriesChart chart) => null;
}

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

/// <summary>A rendered chart: PNG for Word (empty when only SVG was asked), SVG (optional) for the web page.</summary>
public sealed record ReportChartImage(byte[] Png, int WidthPx, int HeightPx, string? Svg);

/// <summary>
/// Draws the report's charts. <c>ScottPlotChartRenderer</c> (Reporting/Sources) is the production renderer;
/// <see cref="SampleChartRenderer"/> draws plain bars for tests and the benchmark.
/// </summary>
public interface IReportChartRenderer
{
    /// <summary>Draws a chart. Must be safe to call from several threads at once (the builder draws in parallel).</summary>
    ReportChartImage Render(ReportBarChart chart);
}

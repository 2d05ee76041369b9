namespace Cadre.Core.Reporting.Model;

/// <summary>A horizontal bar chart of values in percent, one bar per label.</summary>
public sealed record ReportBarChart(string Title, IReadOnlyList<string> Labels, IReadOnlyList<decimal> ValuesPercent, string ValueAxisLabel);

/// <summary>A rendered chart: PNG for Word, SVG (optional) for the web page.</summary>
public sealed record ReportChartImage(byte[] Png, int WidthPx, int HeightPx, string? Svg);

/// <summary>
/// Draws the report's charts. The production renderer (ScottPlot, like the web's charts) is to be wired with
/// the Results area; <see cref="SampleChartRenderer"/> draws plain bars for tests and the benchmark.
/// </summary>
public interface IReportChartRenderer
{
    ReportChartImage Render(ReportBarChart chart);
}

using System.Text;

namespace Cadre.Web.Infrastructure;

/// <summary>
/// Charts of the Finance pages, drawn on the server by ScottPlot as SVG and shown as an image (a data URL,
/// which the CSP allows), always next to the table of their numbers and with alt text.
/// </summary>
public static class FinanceCharts
{
    /// <summary>Horizontal bars, one per label (e.g. CHF thousands per goal); returns a data URL of the SVG.</summary>
    public static string Bars(IReadOnlyList<string> labels, IReadOnlyList<double> values, string axisLabel, int width = 720, int height = 0)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        height = height > 0 ? height : Math.Max(160, 40 + 28 * labels.Count);
        var plot = new ScottPlot.Plot();
        var bars = new List<ScottPlot.Bar>();
        for (var i = 0; i < values.Count; i++)
        {
            bars.Add(new ScottPlot.Bar { Position = values.Count - i, Value = values[i], FillColor = ScottPlot.Color.FromHex("#0d6efd") });
        }
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        var ticks = labels.Select((l, i) => new ScottPlot.Tick(values.Count - i, l)).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.Label.Text = axisLabel;
        plot.Axes.Margins(left: 0, right: 0.1, bottom: 0.02, top: 0.02);
        return ToDataUrl(plot.GetSvgXml(width, height));
    }

    /// <summary>Grouped vertical bars: two series (e.g. budget and spent) per label.</summary>
    public static string Pairs(IReadOnlyList<string> labels, IReadOnlyList<double> first, IReadOnlyList<double> second, string firstName, string secondName, string axisLabel,
        int width = 720, int height = 320)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var plot = new ScottPlot.Plot();
        var a = new List<ScottPlot.Bar>();
        var b = new List<ScottPlot.Bar>();
        for (var i = 0; i < labels.Count; i++)
        {
            a.Add(new ScottPlot.Bar { Position = i * 3 + 1, Value = first[i], FillColor = ScottPlot.Color.FromHex("#6c757d") });
            b.Add(new ScottPlot.Bar { Position = i * 3 + 2, Value = second[i], FillColor = ScottPlot.Color.FromHex("#0d6efd") });
        }
        plot.Add.Bars(a).LegendText = firstName;
        plot.Add.Bars(b).LegendText = secondName;
        plot.ShowLegend();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(labels.Select((l, i) => new ScottPlot.Tick(i * 3 + 1.5, l)).ToArray());
        plot.Axes.Left.Label.Text = axisLabel;
        plot.Axes.Margins(bottom: 0);
        return ToDataUrl(plot.GetSvgXml(width, height));
    }

    private static string ToDataUrl(string svg) => "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
}

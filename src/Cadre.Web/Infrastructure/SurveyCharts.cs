using ScottPlot;

namespace Cadre.Web.Infrastructure;

/// <summary>
/// Survey charts drawn on the server with ScottPlot as SVG, shown as an image (with alt text) next to
/// the table of their numbers. Horizontal bars, one per item, in the order given (best first).
/// </summary>
public static class SurveyCharts
{
    public const int Width = 640;

    /// <summary>An SVG data URI for an img element (the CSP allows data: images; an SVG in an img runs no script).</summary>
    public static string BarsDataUri(IReadOnlyList<string> labels, IReadOnlyList<double> values, string axisLabel)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        var svg = BarsSvg(labels, values, axisLabel);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }

    public static string BarsSvg(IReadOnlyList<string> labels, IReadOnlyList<double> values, string axisLabel)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        var plot = new Plot();
        var n = labels.Count;
        // The first item at the top: positions count down.
        var bars = values.Select((v, i) => new Bar { Position = n - i, Value = v, FillColor = Color.FromHex("#0d6efd"), Label = Format(v) }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 14;
        plot.Axes.Left.SetTicks(Enumerable.Range(0, n).Select(i => (double)(n - i)).ToArray(), labels.Select(Clean).ToArray());
        plot.Axes.Margins(left: 0);
        plot.XLabel(Clean(axisLabel));
        return plot.GetSvgXml(Width, Math.Max(160, 60 + 44 * n));
    }

    private static string Format(double v) => v.ToString(v % 1 == 0 ? "0" : "0.##", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>Labels are user text: control characters out, and short enough for the axis.</summary>
    private static string Clean(string s)
    {
        var t = new string(s.Where(c => !char.IsControl(c)).ToArray());
        return t.Length > 40 ? t[..39] + "…" : t;
    }
}

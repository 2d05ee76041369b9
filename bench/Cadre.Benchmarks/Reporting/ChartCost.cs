using System.Diagnostics;
using System.Globalization;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Reporting.Sources;
using ScottPlot;

namespace Cadre.Benchmarks.Reporting;

/// <summary>`report-db --chart-cost N`: where a ScottPlot bar chart's time goes (N charts of 16 bars, one thread).</summary>
public static class ChartCost
{
    public static int Run(int n)
    {
        var labels = Enumerable.Range(0, 16).Select(i => "I" + i.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        var values = Enumerable.Range(0, 16).Select(i => (decimal)(i * 9 % 150)).ToList();
        ReportBarChart Chart(int k) => new("Progress towards target of the indicators of Strategic goal " + k.ToString(CultureInfo.InvariantCulture), labels, values, "Progress", ReportImageFormats.Png);
        void Time(string name, Action<int> draw)
        {
            draw(-1);
            var sw = Stopwatch.StartNew();
            for (var k = 0; k < n; k++) draw(k);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:F1} ms per chart |", name, sw.Elapsed.TotalMilliseconds / n));
        }
        Time("renderer (new Plot, font, PNG)", k => new ScottPlotChartRenderer().Render(Chart(k)));
        Time("new Plot, no font, PNG", k => Bars(new Plot(), k, false).GetImageBytes(640, 506, ImageFormat.Png));
        Time("new Plot, font, render only (no encoding)", k => { using var image = Bars(Font(new Plot()), k, false).GetImage(640, 506); });
        var reused = Font(new Plot());
        Time("one Plot reused (Clear), font, PNG", k => Bars(reused, k, true).GetImageBytes(640, 506, ImageFormat.Png));
        Time("new Plot, font, JPEG", k => Bars(Font(new Plot()), k, false).GetImageBytes(640, 506, ImageFormat.Jpeg));
        Time("new Plot, font, PNG at 480 px", k => Bars(Font(new Plot()), k, false).GetImageBytes(480, 380, ImageFormat.Png));
        return 0;

        Plot Font(Plot p)
        {
            p.Font.Set("DejaVu Sans");
            return p;
        }

        Plot Bars(Plot plot, int k, bool clear)
        {
            if (clear) plot.Clear();
            plot.Title("Goal " + k.ToString(CultureInfo.InvariantCulture));
            var bars = values.Select((v, i) => new Bar { Position = 15 - i, Value = (double)v, FillColor = Color.FromHex("#1F5FA0") }).ToArray();
            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(bars.Select(b => b.Position).ToArray(), labels.ToArray());
            plot.Add.VerticalLine(100);
            plot.Axes.Bottom.Label.Text = "Progress (%)";
            plot.Axes.SetLimitsX(0, 160);
            plot.Axes.SetLimitsY(-0.6, 15.6);
            return plot;
        }
    }
}

using System.Globalization;
using System.Text;
using System.Xml;
using Cadre.Core.Results;
using ScottPlot;
using SkiaSharp;

namespace Cadre.Web.Infrastructure;

/// <summary>A chart ready to show: the <c>&lt;svg&gt;</c> markup (our own output, sanitized) and the text that says what it shows.</summary>
/// <param name="Id">Prefix of every id inside the SVG, unique on the page.</param>
/// <param name="Svg">Inline SVG with <c>role="img"</c> and a <c>&lt;title&gt;</c>; emit with <c>Html.Raw</c>.</param>
/// <param name="AltText">The chart's title and every number it draws, in the request's culture.</param>
public sealed record Chart(string Id, string Svg, string AltText);

/// <summary>A point of a series; X is a year for series charts.</summary>
public readonly record struct ChartPoint(double X, double Y);

/// <summary>A line with markers. <paramref name="Colour"/> is a hex colour (<c>#RRGGBB</c>), or null for the palette's.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<ChartPoint> Points, string? Colour = null);

public enum ReferenceKind
{
    Baseline,
    Target,
    Other,
}

/// <summary>A horizontal line across the plot (baseline, target, band limit), named in the legend.</summary>
public sealed record ReferenceLine(string Label, double Value, ReferenceKind Kind = ReferenceKind.Other);

/// <summary>A bar; <paramref name="Colour"/> (hex) may carry a status, whose text must then be in <paramref name="Label"/> too.</summary>
public sealed record ChartBar(string Label, double Value, string? Colour = null);

/// <summary>What a series chart shows: years along X, values up Y, with reference lines.</summary>
public sealed record SeriesChartSpec(
    string Title,
    string XLabel,
    string YLabel,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ReferenceLine> Lines);

/// <summary>What a bar chart shows: one bar per category (a region, say).</summary>
public sealed record BarChartSpec(
    string Title,
    string XLabel,
    string YLabel,
    IReadOnlyList<ChartBar> Bars,
    IReadOnlyList<ReferenceLine> Lines);

/// <summary>
/// Charts drawn by ScottPlot on the server and returned as inline SVG (ARCHITECTURE.md: a chart library,
/// not hand-drawn markup). The SVG is parsed and rebuilt from an allow-list of elements and attributes,
/// so that it carries no script, link or <c>style</c> attribute (the CSP forbids inline styles), its ids are
/// unique on the page, and it has <c>role="img"</c> with a title that states every number. Numbers and
/// dates follow the culture given; labels are the caller's (already localized) strings, escaped by the
/// SVG writer. The page must still show the table of the numbers beside the chart.
/// Other areas may copy this pattern into their own file.
/// </summary>
public static class Charts
{
    public const int DefaultWidth = 640;
    public const int DefaultHeight = 320;

    /// <summary>Colours for the progress statuses, with at least 3:1 contrast on white (WCAG 1.4.11). Always shown with the status text.</summary>
    public static string StatusColour(ProgressStatus status) => status switch
    {
        ProgressStatus.Achieved => "#0F5132",
        ProgressStatus.OnTrack => "#198754",
        ProgressStatus.AtRisk => "#B35C00",
        ProgressStatus.OffTrack => "#B02A37",
        _ => "#6C757D",
    };

    private const string BaselineColour = "#6C757D";
    private const string TargetColour = "#0B3D91";
    private static readonly string[] SeriesPalette = ["#0D6EFD", "#B35C00", "#6F42C1", "#198754", "#B02A37", "#0DCAF0"];

    /// <summary>A line chart of one or more series over years, with horizontal baseline and target lines.</summary>
    public static Chart Series(SeriesChartSpec spec, CultureInfo culture, string id, int width = DefaultWidth, int height = DefaultHeight)
    {
        var (plot, alt) = SeriesPlot(spec, culture);
        return Render(plot, id, alt, width, height);
    }

    /// <summary>The ScottPlot plot of a series chart and its alt text.</summary>
    internal static (Plot Plot, string AltText) SeriesPlot(SeriesChartSpec spec, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(culture);
        var plot = NewPlot(spec.Title, spec.XLabel, spec.YLabel,
            [.. spec.Series.Select(s => s.Label), .. spec.Lines.Select(l => l.Label)]);
        var years = new SortedSet<int>();
        var values = new List<double>();
        for (var i = 0; i < spec.Series.Count; i++)
        {
            var s = spec.Series[i];
            if (s.Points.Count == 0) continue;
            var scatter = plot.Add.Scatter(s.Points.Select(p => p.X).ToArray(), s.Points.Select(p => p.Y).ToArray());
            scatter.LegendText = s.Label;
            scatter.Color = Color.FromHex(s.Colour ?? SeriesPalette[i % SeriesPalette.Length]);
            scatter.LineWidth = 2;
            scatter.MarkerSize = 7;
            foreach (var p in s.Points)
            {
                years.Add((int)Math.Round(p.X));
                values.Add(p.Y);
            }
        }
        AddLines(plot, spec.Lines);
        values.AddRange(spec.Lines.Select(l => l.Value));
        if (years.Count > 0)
        {
            var (first, last) = (years.Min, years.Max);
            if (first == last) (first, last) = (first - 1, last + 1);
            var step = Math.Max(1, (int)Math.Ceiling((last - first + 1) / 12.0));
            var ticks = Enumerable.Range(0, (last - first) / step + 1).Select(k => first + k * step).ToArray();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                ticks.Select(t => (double)t).ToArray(), ticks.Select(t => t.ToString(CultureInfo.InvariantCulture)).ToArray());
            plot.Axes.SetLimitsX(first - 0.5, last + 0.5);
        }
        SetValueAxis(plot, values, culture, fromZero: false);
        // Outside the data area, so that it never hides a point.
        plot.ShowLegend(Edge.Bottom);

        var alt = new StringBuilder(spec.Title).Append(". ");
        foreach (var s in spec.Series)
        {
            alt.Append(s.Label).Append(": ");
            alt.AppendJoin(", ", s.Points.Select(p => string.Create(culture, $"{p.X:0} {Number(p.Y, culture)}")));
            if (s.Points.Count == 0) alt.Append('–');
            alt.Append(". ");
        }
        AppendLines(alt, spec.Lines, culture);
        return (plot, alt.ToString().TrimEnd());
    }

    /// <summary>A bar per category (values by region), with optional reference lines.</summary>
    public static Chart Bars(BarChartSpec spec, CultureInfo culture, string id, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(culture);
        var plot = NewPlot(spec.Title, spec.XLabel, spec.YLabel,
            [.. spec.Bars.Select(b => b.Label), .. spec.Lines.Select(l => l.Label)]);
        var bars = spec.Bars.Select((b, i) => new Bar
        {
            Position = i,
            Value = b.Value,
            FillColor = Color.FromHex(b.Colour ?? SeriesPalette[0]),
            Label = Number(b.Value, culture),
        }).ToArray();
        if (bars.Length > 0)
        {
            var barPlot = plot.Add.Bars(bars);
            barPlot.ValueLabelStyle.FontSize = 12;
            barPlot.ValueLabelStyle.FontName = plot.Axes.Title.Label.FontName;
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                bars.Select(b => b.Position).ToArray(), spec.Bars.Select(b => b.Label).ToArray());
        }
        AddLines(plot, spec.Lines);
        var values = spec.Bars.Select(b => b.Value).Concat(spec.Lines.Select(l => l.Value)).Append(0).ToList();
        SetValueAxis(plot, values, culture, fromZero: true);
        if (spec.Lines.Count > 0) plot.ShowLegend(Edge.Bottom);

        var alt = new StringBuilder(spec.Title).Append(". ");
        alt.AppendJoin(", ", spec.Bars.Select(b => $"{b.Label} {Number(b.Value, culture)}"));
        if (spec.Bars.Count > 0) alt.Append(". ");
        AppendLines(alt, spec.Lines, culture);
        return Render(plot, id, alt.ToString().TrimEnd(), width, height);
    }

    /// <summary>The most characters of a title drawn above a chart of the default width (16 px text over the plot area).</summary>
    public const int DrawnTitleLength = 56;

    /// <summary>
    /// The title as drawn: a longer one is cut at a word boundary with an ellipsis, as the plot would clip it at both
    /// edges; the chart's accessible name (its <c>&lt;title&gt;</c> and alt text) and the page keep the whole title.
    /// </summary>
    public static string DrawnTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (title.Length <= DrawnTitleLength) return title;
        var cut = title.LastIndexOf(' ', DrawnTitleLength - 1);
        if (cut < DrawnTitleLength / 2) cut = DrawnTitleLength - 1;
        return string.Concat(title.AsSpan(0, cut).TrimEnd(), "\u2026");
    }

    /// <summary>A number as the charts and their alt text show it: grouped thousands, up to two decimals.</summary>
    public static string Number(double value, CultureInfo culture) => value.ToString("#,##0.##", culture);

    /// <summary>
    /// A plot with its title and axis labels, in the font that covers every text it will show (<paramref name="texts"/>
    /// besides these; numbers are digits, separators and signs, which the reduced font always covers).
    /// </summary>
    private static Plot NewPlot(string title, string xLabel, string yLabel, IEnumerable<string> texts)
    {
        var plot = new Plot();
        plot.Font.Set(ChartsFont.NameFor(texts.Append(title).Append(xLabel).Append(yLabel)));
        plot.Title(DrawnTitle(title));
        plot.Axes.Title.Label.FontSize = 16;
        plot.Axes.Bottom.Label.Text = xLabel;
        plot.Axes.Left.Label.Text = yLabel;
        plot.Axes.Bottom.Label.FontSize = 13;
        plot.Axes.Left.Label.FontSize = 13;
        return plot;
    }

    private static void AddLines(Plot plot, IReadOnlyList<ReferenceLine> lines)
    {
        foreach (var l in lines)
        {
            // The SVG writer has no dash patterns: baseline and target differ by colour and width, and the legend names them.
            var line = plot.Add.HorizontalLine(l.Value);
            line.LegendText = l.Label;
            line.Color = Color.FromHex(l.Kind switch
            {
                ReferenceKind.Baseline => BaselineColour,
                ReferenceKind.Target => TargetColour,
                _ => "#495057",
            });
            line.LineWidth = l.Kind == ReferenceKind.Target ? 3 : 2;
        }
    }

    /// <summary>Bars start at zero; a series is framed around its values (with zero as the floor for positive data).</summary>
    private static void SetValueAxis(Plot plot, List<double> values, CultureInfo culture, bool fromZero)
    {
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => Number(v, culture),
        };
        if (values.Count == 0)
        {
            plot.Axes.SetLimitsY(0, 1);
            return;
        }
        var (min, hi) = (values.Min(), values.Max());
        var pad = Math.Max((hi - min) * 0.15, Math.Abs(hi) * 0.05);
        if (pad == 0) pad = 1;
        var lo = fromZero ? Math.Min(0, min) : min >= 0 ? Math.Max(0, min - pad) : min - pad;
        plot.Axes.SetLimitsY(lo, hi + pad);
    }

    private static void AppendLines(StringBuilder alt, IReadOnlyList<ReferenceLine> lines, CultureInfo culture)
    {
        foreach (var l in lines) alt.Append(l.Label).Append(": ").Append(Number(l.Value, culture)).Append(". ");
    }

    private static Chart Render(Plot plot, string id, string altText, int width, int height)
    {
        return new Chart(id, Sanitize(SvgXml(plot, width, height), id, altText, width, height), altText);
    }

    /// <summary>
    /// What ScottPlot's <c>GetSvgXml</c> draws, without its two raster renders: <c>GetSvgXml</c> first renders the plot
    /// in memory as a bitmap (twice, since the first render sets the axis limits) so that the layout is settled, then
    /// into the SVG canvas; the bitmaps cost more than half of a chart's time and are thrown away. Here the settling
    /// renders go to a canvas that draws nothing (the layout is measured with the fonts, not the canvas).
    /// <c>ChartsTests</c> checks that the SVG is the same as <c>GetSvgXml</c>'s.
    /// </summary>
    internal static string SvgXml(Plot plot, int width, int height)
    {
        using (var settle = new SKNoDrawCanvas(width, height))
        {
            plot.Render(settle, width, height);
        }
        var clear = plot.RenderManager.ClearCanvasBeforeEachRender;
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            plot.Render(canvas, width, height);
        }
        plot.RenderManager.ClearCanvasBeforeEachRender = clear;
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static readonly HashSet<string> AllowedElements =
        ["svg", "g", "path", "rect", "ellipse", "circle", "line", "polyline", "polygon", "text", "tspan", "clipPath", "defs"];

    private static readonly HashSet<string> AllowedAttributes =
    [
        "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "transform",
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-miterlimit", "stroke-linecap",
        "stroke-linejoin", "opacity", "font-size", "font-family", "font-weight", "font-style", "text-anchor", "dominant-baseline",
        "clip-path", "clip-rule", "id",
    ];

    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    private static readonly XmlWriterSettings WriterSettings = new() { OmitXmlDeclaration = true, Indent = false };

    /// <summary>
    /// Rebuilds the SVG from the allow-lists, prefixes its ids with <paramref name="id"/> (so that two charts on a
    /// page do not share clip paths), and adds the accessible name. Unknown elements are dropped with their content.
    /// One streaming pass (XmlReader to XmlWriter), no document tree.
    /// </summary>
    internal static string Sanitize(string svg, string id, string altText, int width, int height)
    {
        if (string.IsNullOrEmpty(id) || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || !char.IsAsciiLetter(id[0]))
        {
            throw new ArgumentException("A chart id starts with a letter and holds only letters, digits, '-' and '_'.", nameof(id));
        }
        var output = new StringBuilder(svg.Length);
        using (var reader = XmlReader.Create(new StringReader(svg), ReaderSettings))
        using (var writer = XmlWriter.Create(output, WriterSettings))
        {
            reader.MoveToContent();
            var isSvg = reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == SvgNamespace && reader.LocalName == "svg";
            writer.WriteStartElement("svg", SvgNamespace);
            if (isSvg) CopyAttributes(reader, writer, id, root: true);
            writer.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("height", height.ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {width} {height}"));
            writer.WriteAttributeString("role", "img");
            writer.WriteAttributeString("aria-labelledby", id + "-title");
            writer.WriteAttributeString("class", "chart-svg");
            writer.WriteAttributeString("focusable", "false");
            writer.WriteStartElement("title", SvgNamespace);
            writer.WriteAttributeString("id", id + "-title");
            writer.WriteString(altText);
            writer.WriteEndElement();
            if (isSvg && !reader.IsEmptyElement) CopyContent(reader, writer, id, inText: false);
            else if (!isSvg && reader.NodeType == XmlNodeType.Element) reader.Skip();
            // Read to the end, so that a malformed or second root still fails as it did with a parsed document.
            while (reader.Read())
            {
            }
            writer.WriteEndElement();
        }
        return output.ToString();
    }

    /// <summary>Copies the allowed children of the element the reader is on (not empty), leaving the reader on its end tag.</summary>
    private static void CopyContent(XmlReader reader, XmlWriter writer, string prefix, bool inText)
    {
        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.NamespaceURI == SvgNamespace && AllowedElements.Contains(reader.LocalName):
                    var name = reader.LocalName;
                    var empty = reader.IsEmptyElement;
                    writer.WriteStartElement(name, SvgNamespace);
                    CopyAttributes(reader, writer, prefix, root: false);
                    if (!empty) CopyContent(reader, writer, prefix, name is "text" or "tspan");
                    writer.WriteEndElement();
                    reader.Read();
                    break;
                case XmlNodeType.Element:
                    reader.Skip();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA when inText:
                    writer.WriteString(reader.Value.Trim());
                    reader.Read();
                    break;
                default:
                    if (reader.EOF) throw new XmlException("The SVG ended inside an element.");
                    reader.Read();
                    break;
            }
        }
    }

    private static void CopyAttributes(XmlReader reader, XmlWriter writer, string prefix, bool root)
    {
        if (!reader.MoveToFirstAttribute()) return;
        do
        {
            var name = reader.LocalName;
            // Namespace declarations and attributes in any namespace (xlink:href...) are dropped; the root's size is ours.
            if (reader.NamespaceURI.Length != 0 || reader.Prefix.Length != 0 || name == "xmlns" || !AllowedAttributes.Contains(name)) continue;
            if (root && name is "width" or "height") continue;
            var value = reader.Value;
            if (name == "id")
            {
                value = prefix + "-" + value;
            }
            else if (value.Contains("url(", StringComparison.Ordinal))
            {
                // Only references to our own ids survive (clip-path="url(#cl_4)"); anything else (an outside URL) is dropped.
                if (!value.StartsWith("url(#", StringComparison.Ordinal) || !value.EndsWith(')')) continue;
                value = "url(#" + prefix + "-" + value[5..];
            }
            else if (name == "font-family")
            {
                value += ", sans-serif";
            }
            writer.WriteAttributeString(name, value);
        }
        while (reader.MoveToNextAttribute());
        reader.MoveToElement();
    }
}

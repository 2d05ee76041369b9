using System.Globalization;
using System.Xml.Linq;
using Cadre.Core.Results;
using Cadre.Web.Infrastructure;

namespace Cadre.Web.Tests.Results;

public sealed class ChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr");

    private static SeriesChartSpec InternetUse(string seriesLabel = "Actual") => new(
        "Individuals using the Internet",
        "Year",
        "Percentage",
        [new ChartSeries(seriesLabel, [new(2019, 53), new(2021, 63), new(2023, 67.5)])],
        [new ReferenceLine("Baseline (2019)", 53, ReferenceKind.Baseline), new ReferenceLine("Target (2027)", 1234.5, ReferenceKind.Target)]);

    private static XElement Parse(Chart chart) => XElement.Parse(chart.Svg);

    private static IEnumerable<string> Texts(XElement svg) =>
        svg.Descendants(Svg + "text").Select(t => t.Value.Trim());

    [Fact]
    public void A_series_chart_is_well_formed_svg_with_an_accessible_name_that_states_its_numbers()
    {
        var chart = Charts.Series(InternetUse(), En, "c1");

        var svg = Parse(chart);
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("c1-title", (string?)svg.Attribute("aria-labelledby"));
        var title = svg.Elements(Svg + "title").Single();
        Assert.Equal("c1-title", (string?)title.Attribute("id"));
        Assert.Equal(chart.AltText, title.Value);
        Assert.Equal("0 0 640 320", (string?)svg.Attribute("viewBox"));
        foreach (var expected in new[] { "Individuals using the Internet", "2019 53", "2021 63", "2023 67.5", "Baseline (2019): 53", "Target (2027): 1,234.5" })
        {
            Assert.Contains(expected, chart.AltText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_title_too_long_for_the_chart_is_drawn_cut_at_a_word_with_an_ellipsis_and_named_in_full()
    {
        const string Long = "1.2.a Économies où le large bande mobile d'entrée de gamme coûte moins de 2 % du RNB par habitant (%)";
        var spec = InternetUse() with { Title = Long };

        var chart = Charts.Series(spec, Fr, "c1");

        var svg = Parse(chart);
        var drawn = Texts(svg).Single(t => t.StartsWith("1.2.a", StringComparison.Ordinal));
        Assert.EndsWith("\u2026", drawn, StringComparison.Ordinal);
        Assert.True(drawn.Length <= Charts.DrawnTitleLength, drawn);
        Assert.StartsWith(drawn[..^1], Long, StringComparison.Ordinal);
        Assert.Equal(' ', Long[drawn.Length - 1]);
        Assert.StartsWith(Long, chart.AltText, StringComparison.Ordinal);
        Assert.StartsWith(Long, svg.Elements(Svg + "title").Single().Value, StringComparison.Ordinal);
        Assert.Equal("Individuals using the Internet", Charts.DrawnTitle("Individuals using the Internet"));
    }

    [Fact]
    public void The_chart_draws_its_title_legend_and_a_tick_for_every_year()
    {
        var svg = Parse(Charts.Series(InternetUse(), En, "c1"));

        var texts = Texts(svg).ToList();
        Assert.Contains("Individuals using the Internet", texts);
        Assert.Contains("Actual", texts);
        Assert.Contains("Baseline (2019)", texts);
        Assert.Contains("Target (2027)", texts);
        foreach (var year in new[] { "2019", "2020", "2021", "2022", "2023" }) Assert.Contains(year, texts);
        // Two horizontal lines (baseline and target) in their own colours.
        Assert.Contains(svg.Descendants(Svg + "path"), p => (string?)p.Attribute("stroke") == "#0B3D91");
        Assert.Contains(svg.Descendants(Svg + "path"), p => (string?)p.Attribute("stroke") == "#6C757D");
    }

    [Fact]
    public void Numbers_follow_the_culture_in_the_axis_labels_and_the_alt_text()
    {
        var en = Charts.Series(InternetUse(), En, "c1");
        var fr = Charts.Series(InternetUse(), Fr, "c1");

        Assert.Contains("2023 67.5", en.AltText, StringComparison.Ordinal);
        Assert.Contains("2023 67,5", fr.AltText, StringComparison.Ordinal);
        Assert.Contains("1,234.5", en.AltText, StringComparison.Ordinal);
        Assert.Contains("1\u202F234,5", fr.AltText, StringComparison.Ordinal);
        // The value axis goes past 1,000, so some tick label has a thousands separator in each culture's form.
        Assert.Contains(Texts(Parse(en)), t => t.Contains(',', StringComparison.Ordinal) && !t.Contains(' ', StringComparison.Ordinal));
        Assert.Contains(Texts(Parse(fr)), t => t.Contains('\u202F', StringComparison.Ordinal));
    }

    [Fact]
    public void The_svg_has_no_style_attribute_script_or_outside_reference_so_the_CSP_allows_it_inline()
    {
        var svg = Parse(Charts.Series(InternetUse(), En, "c1"));

        var all = svg.DescendantsAndSelf().ToList();
        Assert.DoesNotContain(all, e => e.Attribute("style") is not null);
        Assert.DoesNotContain(all, e => e.Name.LocalName is "script" or "style" or "foreignObject" or "a" or "image");
        Assert.DoesNotContain(all.SelectMany(e => e.Attributes()), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name.LocalName == "href");
    }

    [Fact]
    public void User_text_in_labels_is_escaped_not_markup()
    {
        var chart = Charts.Series(InternetUse("<script>alert('x')</script> & co"), En, "c1");

        Assert.DoesNotContain("<script", chart.Svg, StringComparison.OrdinalIgnoreCase);
        var svg = Parse(chart);
        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.Contains("<script>alert('x')</script> & co", Texts(svg));
    }

    [Fact]
    public void Two_charts_on_one_page_share_no_id_and_their_clip_paths_point_to_their_own()
    {
        var a = Parse(Charts.Series(InternetUse(), En, "chart-a"));
        var b = Parse(Charts.Bars(new BarChartSpec("By region", "Region", "Value", [new("Africa", 38), new("Europe", 91)], []), En, "chart-b"));

        var idsA = a.DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        var idsB = b.DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.NotEmpty(idsA);
        Assert.All(idsA, id => Assert.StartsWith("chart-a-", id, StringComparison.Ordinal));
        Assert.All(idsB, id => Assert.StartsWith("chart-b-", id, StringComparison.Ordinal));
        Assert.Equal(idsA.Count, idsA.Distinct().Count());
        foreach (var e in a.Descendants().Where(e => e.Attribute("clip-path") is not null))
        {
            var target = ((string)e.Attribute("clip-path")!)["url(#".Length..^1];
            Assert.Contains(target, idsA);
        }
    }

    [Fact]
    public void A_bar_chart_labels_each_bar_with_its_category_and_value_and_uses_the_status_colour()
    {
        var spec = new BarChartSpec("Values by region", "Region", "Percentage",
            [new("Africa", 38, Charts.StatusColour(ProgressStatus.OffTrack)), new("Europe", 91.25, Charts.StatusColour(ProgressStatus.Achieved))],
            [new ReferenceLine("Target", 70, ReferenceKind.Target)]);

        var chart = Charts.Bars(spec, Fr, "bars");

        var svg = Parse(chart);
        var texts = Texts(svg).ToList();
        Assert.Contains("Africa", texts);
        Assert.Contains("Europe", texts);
        Assert.Contains("38", texts);
        Assert.Contains("91,25", texts);
        Assert.Contains(svg.Descendants(Svg + "rect"), r => (string?)r.Attribute("fill") == "#B02A37");
        Assert.Contains(svg.Descendants(Svg + "rect"), r => (string?)r.Attribute("fill") == "#0F5132");
        Assert.Equal("Values by region. Africa 38, Europe 91,25. Target: 70.", chart.AltText);
    }

    [Fact]
    public void A_chart_without_data_still_renders_and_says_so()
    {
        var chart = Charts.Series(new SeriesChartSpec("Empty", "Year", "Value", [new ChartSeries("Actual", [])], []), En, "e");

        Assert.Equal("Empty. Actual: –.", chart.AltText);
        Assert.Equal("img", (string?)Parse(chart).Attribute("role"));
    }

    [Fact]
    public void The_svg_is_what_ScottPlot_GetSvgXml_draws_without_its_raster_renders()
    {
        var spec = InternetUse();

        var ours = Charts.SvgXml(Charts.SeriesPlot(spec, Fr).Plot, 640, 320);
        var scottPlot = Charts.SeriesPlot(spec, Fr).Plot.GetSvgXml(640, 320);

        // Skia numbers clip paths with a process-wide counter: only those ids may differ.
        Assert.Equal(WithoutClipIds(scottPlot), WithoutClipIds(ours));
        Assert.Contains("<text", ours, StringComparison.Ordinal);
    }

    private static string WithoutClipIds(string svg) => System.Text.RegularExpressions.Regex.Replace(svg, "cl_[0-9a-f]+", "cl");

    [Fact]
    public void The_reduced_chart_font_draws_the_same_svg_text_as_the_system_font()
    {
        Assert.SkipUnless(ChartsFont.Available, "DejaVu Sans is not installed: charts use the system font as it is.");
        using var full = SkiaSharp.SKFontManager.Default.MatchFamily(ChartsFont.SystemName, SkiaSharp.SKFontStyle.Normal);
        using var reduced = ChartsFont.Reduce(SkiaSharp.SKFontStyle.Normal)!;
        const string text = "Année 2025 : 1\u202F234,56 % − œuvre « Objectif » – 5 € ≥ 3 № 1";

        Assert.True(ChartsFont.Covers(text));
        Assert.Equal(full.FamilyName, reduced.FamilyName);
        Assert.Equal(DrawnSvg(full, text), DrawnSvg(reduced, text));
        // Same glyphs, fewer characters mapped: Cyrillic is in the font but not in the reduced map.
        Assert.Equal(full.GlyphCount, reduced.GlyphCount);
        Assert.NotEqual(0, full.GetGlyph('Д'));
        Assert.Equal(0, reduced.GetGlyph('Д'));
    }

    private static string DrawnSvg(SkiaSharp.SKTypeface typeface, string text)
    {
        using var stream = new MemoryStream();
        using (var canvas = SkiaSharp.SKSvgCanvas.Create(new SkiaSharp.SKRect(0, 0, 400, 40), stream))
        using (var font = new SkiaSharp.SKFont(typeface, 12))
        using (var paint = new SkiaSharp.SKPaint())
        {
            canvas.DrawText(text, 5, 20, font, paint);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Text_with_a_character_outside_the_reduced_font_is_drawn_with_the_full_font()
    {
        const string title = "Доступ к Интернету";
        Assert.False(ChartsFont.Covers(title));

        var svg = Parse(Charts.Series(InternetUse() with { Title = title }, En, "c1"));

        Assert.Contains(title, Texts(svg));
    }

    [Fact]
    public void Every_status_has_a_distinct_colour()
    {
        var colours = Enum.GetValues<ProgressStatus>().Select(Charts.StatusColour).ToList();
        Assert.Equal(colours.Count, colours.Distinct().Count());
    }

    [Fact]
    public void A_chart_id_that_could_break_out_of_the_attribute_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Charts.Series(InternetUse(), En, "x\" onload=\"alert(1)"));
    }

    [Fact]
    public void Sanitizing_drops_scripts_styles_event_handlers_and_outside_references()
    {
        const string hostile = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10" onload="alert(1)">
              <script>alert(2)</script>
              <rect style="fill:red" fill="blue" width="5" height="5" onclick="alert(3)"/>
              <g clip-path="url(https://evil.example/x.svg#a)"><path d="M0 0L1 1"/></g>
              <a xlink:href="javascript:alert(4)"><text>link</text></a>
              <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
            </svg>
            """;

        var clean = XElement.Parse(Charts.Sanitize(hostile, "s", "Alt", 10, 10));

        var all = clean.DescendantsAndSelf().ToList();
        Assert.DoesNotContain(all, e => e.Name.LocalName is "script" or "a" or "foreignObject");
        Assert.DoesNotContain(all.SelectMany(e => e.Attributes()), a => a.Name.LocalName is "style" or "onload" or "onclick" or "href" or "clip-path");
        Assert.Equal("blue", (string?)clean.Element(Svg + "rect")!.Attribute("fill"));
    }

    [Fact]
    public void Sanitizing_refuses_a_document_type_declaration()
    {
        const string withDtd = """<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "boom">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>""";

        Assert.Throws<System.Xml.XmlException>(() => Charts.Sanitize(withDtd, "s", "Alt", 10, 10));
    }
}

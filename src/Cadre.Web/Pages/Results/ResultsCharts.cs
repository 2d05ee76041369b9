using System.Globalization;
using Cadre.Core.Results;
using Cadre.Web.Infrastructure;
using Cadre.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Results;

/// <summary>A year of an indicator's chart and of the table beside it.</summary>
public sealed record SeriesYear(int Year, decimal? Actual, decimal? Target);

/// <summary>A validated value as the charts need it.</summary>
public readonly record struct ValuePoint(string SeriesKey, int Year, int SubPeriod, int Revision, decimal? Value, int? DimensionValueId);

/// <summary>The numbers behind an indicator's chart and the chart itself, built the same way on the indicator page and the dashboards.</summary>
public static class ResultsCharts
{
    /// <summary>
    /// The yearly figure of an indicator from its validated values (whole, not per dimension value): the latest
    /// revision of each period; within a year, the sum of the periods for per-period counts and amounts, the
    /// last period otherwise (as <see cref="ProgressService"/> computes progress).
    /// </summary>
    public static SortedDictionary<int, decimal> YearlyActuals(Measure measure, Frequency frequency, bool cumulative, IEnumerable<ValuePoint> validated)
    {
        var sums = frequency != Frequency.Annual && !cumulative && measure is Measure.Number or Measure.Currency;
        var latest = validated.Where(v => v.DimensionValueId is null && v.Value is not null)
            .GroupBy(v => v.SeriesKey).Select(g => g.MaxBy(v => v.Revision));
        var result = new SortedDictionary<int, decimal>();
        foreach (var y in latest.GroupBy(v => v.Year))
        {
            result[y.Key] = sums ? y.Sum(v => v.Value!.Value) : y.MaxBy(v => v.SubPeriod).Value!.Value;
        }
        return result;
    }

    /// <summary>The latest validated value per dimension value for the latest period that has any, at or before <paramref name="asOf"/>.</summary>
    public static (int Year, IReadOnlyDictionary<int, decimal> ByValue)? Disaggregated(IEnumerable<ValuePoint> validated, int asOf)
    {
        var latest = validated.Where(v => v.DimensionValueId is not null && v.Value is not null && v.Year <= asOf)
            .GroupBy(v => v.SeriesKey).Select(g => g.MaxBy(v => v.Revision)).ToList();
        if (latest.Count == 0) return null;
        var year = latest.Max(v => v.Year);
        var sub = latest.Where(v => v.Year == year).Max(v => v.SubPeriod);
        return (year, latest.Where(v => v.Year == year && v.SubPeriod == sub).ToDictionary(v => v.DimensionValueId!.Value, v => v.Value!.Value));
    }

    /// <summary>The years of the chart's table: every year with an actual or a target, from the baseline on.</summary>
    public static IReadOnlyList<SeriesYear> Years(IReadOnlyDictionary<int, decimal> actuals, IReadOnlyDictionary<int, decimal> targets, int? until = null)
    {
        return actuals.Keys.Concat(targets.Keys).Where(y => until is null || y <= until || targets.ContainsKey(y)).Distinct().Order()
            .Select(y => new SeriesYear(y, actuals.TryGetValue(y, out var a) && (until is null || y <= until) ? a : null, targets.TryGetValue(y, out var t) ? t : null))
            .ToList();
    }

    public static Chart IndicatorChart(string id, string title, string? unit, decimal? baseline, int? baselineYear, decimal? finalTarget,
        IReadOnlyList<SeriesYear> years, IStringLocalizer<ResultsText> text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var actualPoints = years.Where(y => y.Actual is not null).Select(y => new ChartPoint(y.Year, (double)y.Actual!.Value)).ToList();
        // The line of actual values starts from the baseline, which is the actual value of its year.
        if (baseline is decimal start && baselineYear is int startYear && !actualPoints.Any(p => p.X <= startYear))
        {
            actualPoints.Insert(0, new ChartPoint(startYear, (double)start));
        }
        var actual = new ChartSeries(text["Chart.Actual"], actualPoints, "#0D6EFD");
        var target = new ChartSeries(text["Chart.Targets"], years.Where(y => y.Target is not null).Select(y => new ChartPoint(y.Year, (double)y.Target!.Value)).ToList(), "#6F42C1");
        var lines = new List<ReferenceLine>();
        if (baseline is decimal b) lines.Add(new ReferenceLine(baselineYear is int by ? text["Chart.BaselineYear", by] : text["Chart.Baseline"], (double)b, ReferenceKind.Baseline));
        if (finalTarget is decimal f) lines.Add(new ReferenceLine(text["Chart.FinalTarget"], (double)f, ReferenceKind.Target));
        var series = target.Points.Count > 0 ? new[] { actual, target } : new[] { actual };
        return Charts.Series(new SeriesChartSpec(title, text["Chart.Year"], unit ?? text["Chart.Value"], series, lines), culture, id);
    }

    /// <summary>A number as the Results pages show it, in the request's culture.</summary>
    public static string Show(decimal? value, Measure measure, IStringLocalizer<ResultsText> text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (value is not decimal v) return "–";
        return measure switch
        {
            Measure.Milestone => v >= 1 ? text["Milestone.Done"] : text["Milestone.NotDone"],
            Measure.Qualitative => text["Rating." + (QualitativeRating)(int)Math.Clamp(v, 0, 3)],
            Measure.Percentage => v.ToString("#,##0.##", culture) + " %",
            _ => v.ToString("#,##0.##", culture),
        };
    }

    public static string Percent(double? achievement, CultureInfo culture) =>
        achievement is double a ? a.ToString("P0", culture) : "–";
}

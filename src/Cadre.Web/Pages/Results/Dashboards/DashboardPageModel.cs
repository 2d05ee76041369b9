using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Results;
using Cadre.Web.Infrastructure;
using Cadre.Web.Resources;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Results.Dashboards;

/// <summary>An indicator's block on a dashboard: its progress, its chart with the table beside it, and its values by dimension.</summary>
public sealed record IndicatorPanel(
    IndicatorProgressRow Progress,
    Indicator Indicator,
    IReadOnlyList<SeriesYear> Years,
    Chart? Chart,
    IReadOnlyList<(string Dimension, int Year, IReadOnlyList<(string Name, decimal Value)> Rows, Chart Chart)> ByDimension);

/// <summary>
/// What the plan and element dashboards share: the as-of year (from the plan's years, this year by default),
/// the plan's progress from <see cref="ProgressService"/> (cached until the next write), status counts, and
/// one panel per indicator for a page of indicators (so that a dashboard costs the same whatever the plan's size).
/// </summary>
public abstract class DashboardPageModel(ProgressService progress, TimeProvider clock, IStringLocalizer<ResultsText> text) : ResultsPageModel
{
    public const int PanelsPerPage = 10;

    public Plan Plan { get; protected set; } = null!;
    public PlanProgress Progress { get; protected set; } = null!;
    public int AsOf { get; protected set; }
    public IReadOnlyList<int> Years { get; protected set; } = [];
    public IReadOnlyList<IndicatorPanel> Panels { get; protected set; } = [];
    public Paged<int> PanelPage { get; protected set; } = new([], 1, PanelsPerPage, 0);
    public IReadOnlyDictionary<ProgressStatus, int> IndicatorCounts { get; protected set; } = new Dictionary<ProgressStatus, int>();

    /// <summary>Loads the plan's progress as of the requested year; false when the plan is not found or not readable.</summary>
    protected async Task<bool> LoadPlanAsync(int planId, int? asOf, CancellationToken ct)
    {
        var plan = await Reads.PlanAsync(planId, ct);
        if (plan is null) return false;
        Plan = plan;
        Years = Enumerable.Range(plan.StartYear, plan.EndYear - plan.StartYear + 1).ToList();
        AsOf = asOf is int y && y >= plan.StartYear && y <= plan.EndYear ? y : Math.Clamp(clock.GetUtcNow().Year, plan.StartYear, plan.EndYear);
        var snapshot = await progress.GetAsync(planId, AsOf, ct);
        if (snapshot is null) return false;
        Progress = snapshot;
        return true;
    }

    /// <summary>The panels of one page of the given indicators, with their charts.</summary>
    protected async Task LoadPanelsAsync(int? elementId, int? page, CancellationToken ct)
    {
        // Both come memoized with the cached snapshot: a request does not walk the whole plan.
        var indicatorIds = Progress.IndicatorsUnder(elementId);
        IndicatorCounts = Progress.StatusCountsUnder(elementId);
        var (p, size) = Paged<int>.Clamp(page, PanelsPerPage);
        var pageCount = Math.Max(1, (indicatorIds.Count + size - 1) / size);
        p = Math.Min(p, pageCount);
        var ids = indicatorIds.Skip((p - 1) * size).Take(size).ToList();
        PanelPage = new Paged<int>(ids, p, size, indicatorIds.Count);
        var (indicators, values) = await Reads.ChartDataAsync(ids, ct);
        var culture = CultureInfo.CurrentCulture;
        var panels = new List<IndicatorPanel>();
        foreach (var id in ids)
        {
            var row = Progress.Indicators[id];
            var indicator = indicators.First(i => i.Id == id);
            var validated = values[id].Where(v => v.Year <= AsOf).ToList();
            var actuals = ResultsCharts.YearlyActuals(indicator.Measure, indicator.Frequency, indicator.Cumulative, validated);
            var targets = indicator.Targets.Where(t => t.DimensionValueId is null && t.Period is not null)
                .GroupBy(t => t.Year).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Period, StringComparer.Ordinal).Last().Value);
            if (row.FinalTarget is decimal f && !targets.ContainsKey(Plan.EndYear)) targets[Plan.EndYear] = f;
            var years = ResultsCharts.Years(actuals, targets);
            var chart = indicator.Measure == Measure.Qualitative ? null
                : ResultsCharts.IndicatorChart($"chart-{id}", $"{indicator.Code} {indicator.Name.Local()}", indicator.Unit,
                    indicator.BaselineValue, indicator.BaselineYear, row.FinalTarget, years, text, culture);
            var byDimension = new List<(string, int, IReadOnlyList<(string, decimal)>, Chart)>();
            foreach (var d in indicator.Dimensions.Select(x => x.Dimension!).OrderBy(d => d.SortOrder))
            {
                var valueIds = d.Values.Select(v => v.Id).ToHashSet();
                if (ResultsCharts.Disaggregated(validated.Where(v => v.DimensionValueId is int dv && valueIds.Contains(dv)), AsOf) is not { } found) continue;
                var (year, map) = found;
                var rows = d.Values.OrderBy(v => v.SortOrder).Where(v => map.ContainsKey(v.Id)).Select(v => (v.Name.Local(), map[v.Id])).ToList();
                var title = text["Chart.ByDimension", d.Name.Local(), year];
                var bars = Charts.Bars(new BarChartSpec($"{indicator.Code}: {title}", d.Name.Local(), indicator.Unit ?? text["Chart.Value"],
                    rows.Select(r => new ChartBar(r.Item1, (double)r.Item2)).ToList(),
                    row.FinalTarget is decimal ft ? [new ReferenceLine(text["Chart.FinalTarget"], (double)ft, ReferenceKind.Target)] : []),
                    culture, $"chart-{id}-{d.Code}");
                byDimension.Add((d.Name.Local(), year, rows, bars));
            }
            panels.Add(new IndicatorPanel(row, indicator, years, chart, byDimension));
        }
        Panels = panels;
    }

    /// <summary>This page's address with another as-of year or page of panels.</summary>
    public string UrlFor(int? asOf = null, int? page = null)
    {
        var query = new Dictionary<string, string?> { ["asOf"] = (asOf ?? AsOf).ToString(CultureInfo.InvariantCulture) };
        if (page is > 1) query["page"] = page.Value.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Request.Path, query);
    }
}

using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Finance;
using Cadre.Core.Planning;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Reporting.Sources;

/// <summary>
/// The report's figures from the real tables: the plan's elements in tree order (Planning), each indicator's
/// baseline, target, actual and status as of the year (Results' <see cref="ProgressService"/>, never recomputed
/// here), the resources attributed and spent per element in the year (Finance's attribution engine applied to the
/// financial plan's expenses and to the expenditure, rolled up to every ancestor), the main open risks per element
/// (the risk register), and the narratives stored on the latest version of the report of that plan, kind and year.
/// For an evaluation, the year is the plan's last year and the figures cover the whole period: each target is
/// achieved, partly achieved or not achieved (from Results' achievement against the end target) with its trend.
/// </summary>
public sealed class PlanReportSource(CadreDbContext db, ProgressService progress) : IReportSource
{
    /// <summary>The main risks shown per element: the highest scores among those not closed.</summary>
    public const int MainRisksPerElement = 3;

    public async Task<ReportSourceData?> LoadAsync(string planCode, ReportKind kind, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(planCode);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Code == planCode, ct);
        if (plan is null || (plan.Status == PlanStatus.Draft && !PlanningPermissions.CanReadDrafts(db.Actor))) return null;
        if (year < plan.StartYear || year > plan.EndYear)
        {
            throw new ValidationFailedException("year", Messages.Format("Error.Report.YearOutsidePlan", year, plan.StartYear, plan.EndYear));
        }
        var asOf = kind == ReportKind.Evaluation ? plan.EndYear : year;
        var planData = await progress.LoadAsync(plan.Id, null, ct);
        if (planData.Specs.Count == 0)
        {
            throw new ValidationFailedException("plan", Messages.Format("Error.Report.NoIndicators", plan.Code));
        }
        var snapshot = await progress.GetAsync(plan.Id, asOf, ct)
            ?? throw new NotFoundException(Messages.Format("Error.Report.PlanNotFound", plan.Code));

        var elements = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == plan.Id)
            .Select(e => new { e.Id, e.ParentId, e.Code, e.Title, e.SortOrder, LevelCode = e.Level!.Code, LevelName = e.Level.Name, LevelOrder = e.Level.SortOrder })
            .ToListAsync(ct);
        var byId = elements.ToDictionary(e => e.Id);
        var resources = await ResourcesAsync(plan.Id, kind == ReportKind.Evaluation ? plan.StartYear : year, asOf,
            elements.ToDictionary(e => e.Id, e => e.ParentId), ct);
        var risks = (await db.Risks.AsNoTracking().Where(r => r.PlanId == plan.Id && r.Status != RiskStatus.Closed).ToListAsync(ct))
            .GroupBy(r => r.ElementId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Likelihood * r.Impact).ThenBy(r => r.Code, StringComparer.Ordinal).Take(MainRisksPerElement)
                .Select(r => new ReportRiskData(r.Code, r.Title.ToDictionary(), r.Likelihood, r.Impact, r.Actions.ToDictionary()))
                .ToList());
        var narratives = await NarrativesAsync(plan.Id, kind, year, ct);

        // Depth first, roots by level then sort order, as the plan reads (like Finance's element tables).
        var children = elements.ToLookup(e => e.ParentId);
        var ordered = new List<(int Id, int Depth)>(elements.Count);
        void Walk(int? parent, int depth)
        {
            foreach (var e in children[parent].OrderBy(e => e.ParentId is null ? e.LevelOrder : 0).ThenBy(e => e.SortOrder).ThenBy(e => e.Code, StringComparer.Ordinal))
            {
                ordered.Add((e.Id, depth));
                Walk(e.Id, depth + 1);
            }
        }
        Walk(null, 0);

        var specs = planData.Specs.ToDictionary(s => s.Id);
        var result = new List<ReportElementData>(ordered.Count);
        foreach (var (id, depth) in ordered)
        {
            var e = byId[id];
            var indicators = snapshot.IndicatorsByElement.GetValueOrDefault(id, []).Select(i =>
                Indicator(snapshot.Indicators[i], specs[i], planData.Observations.GetValueOrDefault(i, []), plan, kind, year, asOf, snapshot.Thresholds)).ToList();
            result.Add(new ReportElementData(
                e.Code, e.ParentId is int p ? byId[p].Code : null, depth, e.LevelCode, e.LevelName.ToDictionary(), e.Title.ToDictionary(),
                indicators, resources.GetValueOrDefault(id), risks.GetValueOrDefault(id) ?? [],
                narratives.GetValueOrDefault(ReportBuilder.ElementKey(e.Code))));
        }
        var reportPlan = new ReportPlanData(plan.Code, plan.Title.ToDictionary(), plan.OriginalLanguage, plan.StartYear, plan.EndYear);
        return new ReportSourceData(reportPlan, result, narratives.GetValueOrDefault(ReportBuilder.SummaryKey));
    }

    private static ReportIndicatorData Indicator(IndicatorProgressRow row, IndicatorSpec spec, List<Observation> observations, Plan plan,
        ReportKind kind, int year, int asOf, Thresholds thresholds)
    {
        var actuals = observations.Where(o => o.Year <= asOf).ToDictionary(o => o.Year, o => o.Value);
        var lastYear = kind == ReportKind.Evaluation ? plan.EndYear : year;
        var series = Enumerable.Range(plan.StartYear, plan.EndYear - plan.StartYear + 1)
            .Select(y => new ReportIndicatorPoint(y, spec.Targets.TryGetValue(y, out var t) ? t : null, y <= lastYear && actuals.TryGetValue(y, out var a) ? a : null))
            .ToList();
        decimal? target = kind == ReportKind.Evaluation ? row.FinalTarget
            : spec.Targets.TryGetValue(year, out var yt) ? yt : row.Expected ?? row.FinalTarget;
        var status = kind == ReportKind.Evaluation ? Achievement(row, thresholds) : Status(row.Status);
        var trend = ReportTrends.Of(spec.Direction, spec.BandLow, spec.BandHigh, row.Baseline, row.BaselineYear,
            series.Where(p => p.Actual is not null).Select(p => (p.Year, p.Actual!.Value)).ToList());
        return new ReportIndicatorData(row.Code, row.Name.ToDictionary(), Unit(row), spec.Direction == Direction.Decrease ? IndicatorDirection.Decrease : IndicatorDirection.Increase,
            row.Baseline, row.BaselineYear, target, row.Actual, status, trend, series, row.FinalTarget, row.ActualYear);
    }

    private static string Unit(IndicatorProgressRow row) => !string.IsNullOrWhiteSpace(row.Unit) ? row.Unit
        : row.Measure switch
        {
            Measure.Percentage => "%",
            Measure.Currency => "CHF",
            Measure.Milestone => "0/1",
            Measure.Qualitative => "0-3",
            _ => "",
        };

    /// <summary>Results' status as of the year, as the report names it.</summary>
    internal static ReportStatus Status(ProgressStatus status) => status switch
    {
        ProgressStatus.Achieved => ReportStatus.Achieved,
        ProgressStatus.OnTrack => ReportStatus.OnTrack,
        ProgressStatus.AtRisk => ReportStatus.AtRisk,
        ProgressStatus.OffTrack => ReportStatus.OffTrack,
        _ => ReportStatus.NoData,
    };

    /// <summary>
    /// At the end of the period: achieved when Results' achievement against the end target reaches 1, partly achieved
    /// from the plan's at-risk threshold (0.6 by default), not achieved below it; no data without a value.
    /// </summary>
    internal static ReportStatus Achievement(IndicatorProgressRow row, Thresholds thresholds) => row.Achievement switch
    {
        null => ReportStatus.NoData,
        >= 1.0 => ReportStatus.Achieved,
        double a when a >= thresholds.AtRisk => ReportStatus.PartlyAchieved,
        _ => ReportStatus.NotAchieved,
    };

    /// <summary>Section key → language → text, from the latest version of the report of this plan, kind and year
    /// that the reader may read: a reader who may not read drafts (the public, Delegates) gets the latest
    /// <em>published</em> version's narratives only, never a draft's (the IATI export reads its descriptions here).</summary>
    private async Task<Dictionary<string, IReadOnlyDictionary<string, string>>> NarrativesAsync(int planId, ReportKind kind, int year, CancellationToken ct)
    {
        var reports = db.Reports.AsNoTracking().Where(r => r.PlanId == planId && r.Kind == kind && r.Year == year);
        if (!PlanningPermissions.CanReadDrafts(db.Actor)) reports = reports.Where(r => r.Status == ReportWorkflowStatus.Published);
        var reportId = await reports.OrderByDescending(r => r.VersionNumber).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        if (reportId is null) return new(StringComparer.Ordinal);
        var rows = await db.ReportNarratives.AsNoTracking().Where(n => n.ReportId == reportId).Select(n => new { n.SectionKey, n.Language, n.Text }).ToListAsync(ct);
        return rows.GroupBy(n => n.SectionKey, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => (IReadOnlyDictionary<string, string>)g.ToDictionary(n => n.Language, n => n.Text, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>
    /// Resources attributed (the financial plan's expenses of each unit for the years, split by the unit's keys) and
    /// spent (the unit's expenditure for the years, split by the same keys), per element and rolled up to every
    /// ancestor, in thousands of CHF. Elements with neither get nothing (no resources table).
    /// </summary>
    internal async Task<Dictionary<int, ReportResourcesData>> ResourcesAsync(int planId, int fromYear, int toYear, IReadOnlyDictionary<int, int?> parentOf, CancellationToken ct)
    {
        var byYear = await ResourcesByYearAsync(db, planId, parentOf, ct);
        var result = new Dictionary<int, ReportResourcesData>();
        foreach (var (element, years) in byYear)
        {
            var attributed = years.Where(y => y.Key >= fromYear && y.Key <= toYear).Sum(y => y.Value.Attributed);
            var spent = years.Where(y => y.Key >= fromYear && y.Key <= toYear).Sum(y => y.Value.Spent);
            if (attributed != 0 || spent != 0) result[element] = new ReportResourcesData(attributed / 1000m, spent / 1000m);
        }
        return result;
    }

    /// <summary>Element → year → (attributed, spent) in CHF, rolled up to every ancestor.</summary>
    internal static async Task<Dictionary<int, Dictionary<int, (decimal Attributed, decimal Spent)>>> ResourcesByYearAsync(
        CadreDbContext db, int planId, IReadOnlyDictionary<int, int?> parentOf, CancellationToken ct)
    {
        var result = new Dictionary<int, Dictionary<int, (decimal Attributed, decimal Spent)>>();
        var fp = await db.FinancialPlans.AsNoTracking().Where(f => f.PlanId == planId).Select(f => (int?)f.Id).FirstOrDefaultAsync(ct);
        if (fp is null) return result;
        var planned = await db.FinancialPlanLines.AsNoTracking().Where(l => l.FinancialPlanId == fp && l.Kind == LineKind.Expense)
            .Select(l => new { Unit = l.Category, l.Year, l.Amount }).ToListAsync(ct);
        var spent = await db.Expenditures.AsNoTracking().Where(x => db.Budgets.Any(b => b.Id == x.BudgetId && b.FinancialPlanId == fp))
            .Select(x => new { x.Unit, x.Year, x.Amount }).ToListAsync(ct);
        var keys = (await db.UnitAttributions.AsNoTracking().Include(u => u.Shares).Where(u => u.FinancialPlanId == fp).ToListAsync(ct))
            .ToDictionary(u => u.Unit, u => (IReadOnlyDictionary<int, decimal>)u.Shares.ToDictionary(s => s.ElementId, s => s.Value), StringComparer.Ordinal);
        var years = planned.Select(p => p.Year).Concat(spent.Select(s => s.Year)).Distinct().Order();
        foreach (var year in years)
        {
            IReadOnlyDictionary<int, long> Split(IEnumerable<(string Unit, decimal Amount)> amounts)
            {
                var perUnit = amounts.GroupBy(a => a.Unit, StringComparer.Ordinal)
                    .Select(g => new AttributionKey(g.Key, Money.ToMinor(g.Sum(a => a.Amount)), keys.GetValueOrDefault(g.Key) ?? new Dictionary<int, decimal>()));
                var valid = Attribution.Compute(perUnit).ByElement.Where(k => parentOf.ContainsKey(k.Key)).ToDictionary(k => k.Key, k => k.Value);
                return Attribution.RollUp(valid, parentOf);
            }
            var a = Split(planned.Where(p => p.Year == year).Select(p => (p.Unit, p.Amount)));
            var s = Split(spent.Where(p => p.Year == year).Select(p => (p.Unit, p.Amount)));
            foreach (var element in a.Keys.Union(s.Keys))
            {
                if (!result.TryGetValue(element, out var perYear)) result[element] = perYear = [];
                perYear[year] = (Money.FromMinor(a.GetValueOrDefault(element)), Money.FromMinor(s.GetValueOrDefault(element)));
            }
        }
        return result;
    }
}

/// <summary>The trend of an indicator computed from its series (the baseline and the yearly actual values).</summary>
public static class ReportTrends
{
    /// <summary>A change smaller than this share of the scale over the series counts as stable.</summary>
    public const decimal StableShare = 0.01m;

    /// <summary>
    /// The least-squares slope of the points (the baseline, when its year is before the first value, then the
    /// actual values by year), judged by the direction: rising is improving for an increase, worsening for a
    /// decrease; for a band, moving towards its middle is improving. Fewer than two points: unknown.
    /// </summary>
    public static ReportTrend Of(Direction direction, decimal? bandLow, decimal? bandHigh, decimal? baseline, int? baselineYear,
        IReadOnlyList<(int Year, decimal Value)> actuals)
    {
        ArgumentNullException.ThrowIfNull(actuals);
        var points = new List<(decimal X, decimal Y)>();
        if (baseline is { } b && baselineYear is { } by && (actuals.Count == 0 || by < actuals.Min(a => a.Year))) points.Add((by, b));
        points.AddRange(actuals.OrderBy(a => a.Year).Select(a => ((decimal)a.Year, a.Value)));
        if (points.Count < 2) return ReportTrend.Unknown;
        if (direction == Direction.Band && bandLow is { } lo && bandHigh is { } hi)
        {
            var middle = (lo + hi) / 2m;
            points = points.Select(p => (p.X, -Math.Abs(p.Y - middle))).ToList();
        }
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        if (sxx == 0) return ReportTrend.Unknown;
        var slope = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / sxx;
        var change = slope * (points[^1].X - points[0].X);
        var scale = Math.Max(points.Max(p => Math.Abs(p.Y)), 1m);
        if (Math.Abs(change) < StableShare * scale) return ReportTrend.Stable;
        var rising = change > 0;
        return direction == Direction.Decrease ? (rising ? ReportTrend.Worsening : ReportTrend.Improving)
            : rising ? ReportTrend.Improving : ReportTrend.Worsening;
    }
}

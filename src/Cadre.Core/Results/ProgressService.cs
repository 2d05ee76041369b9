using System.Collections.Concurrent;
using System.Collections.Immutable;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cadre.Core.Results;

/// <summary>An indicator's progress as of a year, with what the page needs to show it.</summary>
public sealed record IndicatorProgressRow(
    int IndicatorId, int ElementId, string Code, LocalizedText Name, Measure Measure, string? Unit, Direction Direction, decimal Weight,
    decimal? Baseline, int? BaselineYear, decimal? FinalTarget,
    decimal? Actual, int? ActualYear, decimal? Expected, double? Achievement, ProgressStatus Status);

/// <summary>
/// An element's rolled-up progress: achievement = Σ(weight × achievement) / <see cref="WeightWithData"/> over the
/// children (child elements and the element's own indicators) that have data; coverage = WeightWithData / TotalWeight.
/// </summary>
public sealed record ElementProgressRow(
    int ElementId, int? ParentId, string Code, LocalizedText Title, decimal Weight,
    double? Achievement, ProgressStatus Status, double Coverage, double WeightWithData, double TotalWeight);

/// <summary>One term of an element's weighted mean, so that a page can show the formula.</summary>
public sealed record Contribution(bool IsIndicator, int Id, string Code, LocalizedText Title, double Weight, double? Achievement, ProgressStatus Status);

/// <summary>The progress of a whole plan as of a year. Immutable: a cached copy is shared between requests.</summary>
public sealed class PlanProgress
{
    public required int PlanId { get; init; }
    public required string PlanCode { get; init; }
    public required int AsOfYear { get; init; }
    public required Thresholds Thresholds { get; init; }
    /// <summary>The elements in tree order (depth first).</summary>
    public required ImmutableArray<int> ElementOrder { get; init; }
    public required ImmutableDictionary<int, ElementProgressRow> Elements { get; init; }
    public required ImmutableDictionary<int, IndicatorProgressRow> Indicators { get; init; }
    /// <summary>Indicator ids per element, in their order.</summary>
    public required ImmutableDictionary<int, ImmutableArray<int>> IndicatorsByElement { get; init; }
    public required ImmutableDictionary<int, ImmutableArray<int>> ChildrenByElement { get; init; }

    public IEnumerable<ElementProgressRow> ElementsInOrder => ElementOrder.Select(id => Elements[id]);

    // Figures derived from the snapshot, computed on first use and kept with it (it never changes; a change makes a
    // new snapshot), so that a dashboard request does not walk the whole plan again: key 0 is the whole plan.
    private readonly ConcurrentDictionary<int, int[]> _indicatorsUnder = new();
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<ProgressStatus, int>> _countsUnder = new();
    private IReadOnlyDictionary<int, int>? _depth;

    /// <summary>Every indicator under an element (its own, then its descendants', in tree order), or of the whole plan for null.</summary>
    public IReadOnlyList<int> IndicatorsUnder(int? elementId) => _indicatorsUnder.GetOrAdd(elementId ?? 0, key =>
    {
        var result = new List<int>();
        if (key == 0)
        {
            foreach (var e in ElementOrder) result.AddRange(IndicatorsByElement.GetValueOrDefault(e, []));
            return [.. result];
        }
        var stack = new Stack<int>();
        stack.Push(key);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            result.AddRange(IndicatorsByElement.GetValueOrDefault(e, []));
            var children = ChildrenByElement.GetValueOrDefault(e, []);
            for (var k = children.Length - 1; k >= 0; k--) stack.Push(children[k]);
        }
        return [.. result];
    });

    /// <summary>How many indicators under an element (or in the whole plan, for null) have each status.</summary>
    public IReadOnlyDictionary<ProgressStatus, int> StatusCountsUnder(int? elementId) => _countsUnder.GetOrAdd(elementId ?? 0, _ =>
    {
        var counts = Enum.GetValues<ProgressStatus>().ToDictionary(s => s, _ => 0);
        foreach (var id in IndicatorsUnder(elementId)) counts[Indicators[id].Status]++;
        return counts;
    });

    /// <summary>Each element's depth in the tree (0 for the top level).</summary>
    public IReadOnlyDictionary<int, int> Depth => _depth ??= ComputeDepth();

    private Dictionary<int, int> ComputeDepth()
    {
        var depth = new Dictionary<int, int>(ElementOrder.Length);
        foreach (var e in ElementsInOrder) depth[e.ElementId] = e.ParentId is int p && depth.TryGetValue(p, out var d) ? d + 1 : 0;
        return depth;
    }

    public IReadOnlyDictionary<ProgressStatus, int> IndicatorStatusCounts => StatusCountsUnder(null);

    public IReadOnlyDictionary<ProgressStatus, int> ElementStatusCounts =>
        Enum.GetValues<ProgressStatus>().ToDictionary(s => s, s => Elements.Values.Count(i => i.Status == s));

    /// <summary>The terms of an element's weighted mean: its child elements, then its indicators.</summary>
    public IReadOnlyList<Contribution> ContributionsOf(int elementId)
    {
        var list = new List<Contribution>();
        foreach (var c in ChildrenByElement.GetValueOrDefault(elementId, []))
        {
            var e = Elements[c];
            list.Add(new Contribution(false, e.ElementId, e.Code, e.Title, (double)e.Weight, e.Achievement, e.Status));
        }
        foreach (var i in IndicatorsByElement.GetValueOrDefault(elementId, []))
        {
            var r = Indicators[i];
            list.Add(new Contribution(true, r.IndicatorId, r.Code, r.Name, (double)r.Weight, r.Achievement, r.Status));
        }
        return list;
    }
}

/// <summary>
/// Loads a plan's indicators and validated values and runs <see cref="ProgressEngine"/> and <see cref="Rollup"/>.
/// Results are cached per plan and as-of year until the next write (<see cref="CadreDbContext.DataVersion"/>);
/// an approval in this process updates the cached figures incrementally (the indicator and its ancestors only).
/// </summary>
public sealed class ProgressService(CadreDbContext db, IMemoryCache cache)
{
    private static readonly ConcurrentDictionary<int, ConcurrentDictionary<int, byte>> CachedYears = new();

    private sealed class Entry
    {
        public required long DataVersion;
        public required PlanProgress Snapshot;
        public required Rollup Rollup;
        public required Dictionary<int, int?> ParentOf;
        public readonly Lock Gate = new();
    }

    private static string Key(int planId, int asOf) => FormattableString.Invariant($"res-progress:{planId}:{asOf}");

    /// <summary>The plan's progress as of <paramref name="asOfYear"/>, or null when the plan is unknown or not visible.</summary>
    public async Task<PlanProgress?> GetAsync(int planId, int asOfYear, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Id, p.Code, p.Status }).FirstOrDefaultAsync(ct);
        if (plan is null || (plan.Status == PlanStatus.Draft && !PlanningPermissions.CanReadDrafts(db.Actor))) return null;
        var version = CadreDbContext.DataVersion;
        if (cache.TryGetValue(Key(planId, asOfYear), out Entry? hit) && hit is not null && Interlocked.Read(ref hit.DataVersion) == version)
        {
            return hit.Snapshot;
        }
        var entry = await ComputeAsync(planId, plan.Code, asOfYear, version, ct);
        cache.Set(Key(planId, asOfYear), entry, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10), Size = 1 });
        CachedYears.GetOrAdd(planId, _ => new()).TryAdd(asOfYear, 0);
        return entry.Snapshot;
    }

    /// <summary>
    /// Called after a value of <paramref name="indicatorId"/> was validated: when the cached figures were
    /// current just before that write and nothing else was written since, re-evaluates that indicator and
    /// carries the change up to the root; otherwise the next read recomputes.
    /// </summary>
    public async Task ValueValidatedAsync(int indicatorId, long dataVersionBefore, CancellationToken ct = default)
    {
        var planId = await db.Indicators.AsNoTracking().Where(i => i.Id == indicatorId).Select(i => i.PlanId).FirstOrDefaultAsync(ct);
        if (planId == 0 || !CachedYears.TryGetValue(planId, out var years)) return;
        var now = CadreDbContext.DataVersion;
        if (now != dataVersionBefore + 1) return;
        var data = await LoadAsync(planId, indicatorId, ct);
        foreach (var year in years.Keys)
        {
            if (!cache.TryGetValue(Key(planId, year), out Entry? entry) || entry is null) continue;
            lock (entry.Gate)
            {
                if (entry.DataVersion != dataVersionBefore) continue;
                var spec = data.Specs[0];
                var result = ProgressEngine.Evaluate(spec, data.Observations.GetValueOrDefault(spec.Id, []), year, entry.Snapshot.Thresholds);
                entry.Rollup.Set(spec.Id, result.Achievement);
                var snap = entry.Snapshot;
                var indicators = snap.Indicators.SetItem(spec.Id, Row(data.Info[spec.Id], spec, result));
                var elements = snap.Elements;
                for (int? e = spec.ElementId; e is int id; e = entry.ParentOf[id])
                {
                    elements = elements.SetItem(id, ElementRow(elements[id], entry.Rollup.Get(id), snap.Thresholds));
                }
                entry.Snapshot = new PlanProgress
                {
                    PlanId = snap.PlanId, PlanCode = snap.PlanCode, AsOfYear = snap.AsOfYear, Thresholds = snap.Thresholds,
                    ElementOrder = snap.ElementOrder, Elements = elements, Indicators = indicators,
                    IndicatorsByElement = snap.IndicatorsByElement, ChildrenByElement = snap.ChildrenByElement,
                };
                Interlocked.Exchange(ref entry.DataVersion, now);
            }
        }
    }

    /// <summary>
    /// Every element's roll-up for several as-of years from one load of the plan's values (a trend; the database
    /// benchmark's "recomputation from the database"), or null when the plan is unknown or not visible. Not cached.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, Rollup>?> RollupsAsync(int planId, IReadOnlyCollection<int> years, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(years);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Id, p.Status }).FirstOrDefaultAsync(ct);
        if (plan is null || (plan.Status == PlanStatus.Draft && !PlanningPermissions.CanReadDrafts(db.Actor))) return null;
        var thresholds = await ThresholdsAsync(planId, ct);
        var elements = (await db.PlanElements.AsNoTracking().Where(e => e.PlanId == planId).Select(e => new { e.Id, e.ParentId, e.Weight }).ToListAsync(ct))
            .Select(e => new RollupNode(e.Id, e.ParentId, (double)e.Weight)).ToList();
        var data = await ProgressLoader.LoadAsync(db, planId, null, ct, names: false);
        var prepared = new ProgressPlan(elements, data.Specs, data.Observations);
        var result = new Dictionary<int, Rollup>(years.Count);
        foreach (var year in years) result[year] = prepared.Compute(year, thresholds).Rollup;
        return result;
    }

    /// <summary>The plan's thresholds (the defaults when the plan has no settings row).</summary>
    public async Task<Thresholds> ThresholdsAsync(int planId, CancellationToken ct = default)
    {
        var s = await db.ResultsSettings.AsNoTracking().FirstOrDefaultAsync(x => x.PlanId == planId, ct);
        return s?.ToThresholds() ?? Thresholds.Default;
    }

    private async Task<Entry> ComputeAsync(int planId, string planCode, int asOfYear, long version, CancellationToken ct)
    {
        var thresholds = await ThresholdsAsync(planId, ct);
        var elements = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == planId)
            .Select(e => new { e.Id, e.ParentId, e.Code, e.Title, e.Weight, e.SortOrder }).ToListAsync(ct);
        var data = await LoadAsync(planId, null, ct);
        var results = new ProgressPlan(elements.Select(e => new RollupNode(e.Id, e.ParentId, (double)e.Weight)).ToList(), data.Specs, data.Observations)
            .Compute(asOfYear, thresholds);
        var rollup = results.Rollup;

        var order = TreeRules.Flatten(elements.Select(e => new TreeNode(e.Id, e.ParentId, "", e.SortOrder, e.Code))).Select(x => x.Node.Id).ToImmutableArray();
        var elementRows = elements.ToImmutableDictionary(e => e.Id, e =>
            ElementRow(new ElementProgressRow(e.Id, e.ParentId, e.Code, e.Title, e.Weight, null, ProgressStatus.NoData, 0, 0, 0), rollup.Get(e.Id), thresholds));
        var indicatorRows = data.Specs.Select((s, i) => (Spec: s, Index: i)).ToImmutableDictionary(x => x.Spec.Id, x => Row(data.Info[x.Spec.Id], x.Spec, results.Get(x.Index)));
        var snapshot = new PlanProgress
        {
            PlanId = planId,
            PlanCode = planCode,
            AsOfYear = asOfYear,
            Thresholds = thresholds,
            ElementOrder = order,
            Elements = elementRows,
            Indicators = indicatorRows,
            IndicatorsByElement = data.Specs.GroupBy(s => s.ElementId).ToImmutableDictionary(g => g.Key, g => g.Select(s => s.Id).ToImmutableArray()),
            ChildrenByElement = elements.Where(e => e.ParentId is not null).OrderBy(e => e.SortOrder).ThenBy(e => e.Code, StringComparer.Ordinal)
                .GroupBy(e => e.ParentId!.Value).ToImmutableDictionary(g => g.Key, g => g.Select(e => e.Id).ToImmutableArray()),
        };
        return new Entry { DataVersion = version, Snapshot = snapshot, Rollup = rollup, ParentOf = elements.ToDictionary(e => e.Id, e => e.ParentId) };
    }

    /// <summary>From how many indicators <see cref="ProgressPlan.Compute"/> evaluates them on two cores.</summary>
    public const int ParallelFrom = 32_768;

    private static ElementProgressRow ElementRow(ElementProgressRow row, ElementProgress p, Thresholds t) => row with
    {
        Achievement = p.Achievement,
        Status = p.Achievement is double a ? t.StatusOf(a) : ProgressStatus.NoData,
        Coverage = p.Coverage,
        WeightWithData = p.WeightWithData,
        TotalWeight = p.TotalWeight,
    };

    private static IndicatorProgressRow Row(IndicatorInfo info, IndicatorSpec spec, IndicatorProgress p) => new(
        spec.Id, spec.ElementId, info.Code, info.Name, spec.Measure, info.Unit, spec.Direction, spec.Weight,
        spec.BaselineValue, info.BaselineYear, spec.Targets.Count == 0 ? null : spec.Targets.MaxBy(t => t.Key).Value,
        p.Actual, p.ActualYear, p.Expected, p.Achievement, p.Status);

    internal sealed record IndicatorInfo(string Code, LocalizedText Name, string? Unit, int? BaselineYear);

    internal sealed record PlanData(List<IndicatorSpec> Specs, Dictionary<int, List<Observation>> Observations, Dictionary<int, IndicatorInfo> Info);

    /// <summary>Loads the specs and the yearly validated observations of a plan's indicators (or of one indicator), with <see cref="ProgressLoader"/>.</summary>
    internal Task<PlanData> LoadAsync(int planId, int? indicatorId, CancellationToken ct) => ProgressLoader.LoadAsync(db, planId, indicatorId, ct);
}

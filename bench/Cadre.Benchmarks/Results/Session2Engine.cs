using Cadre.Core.Results;

namespace Cadre.Benchmarks.ResultsProgress;

// The Results engine as session 2 left it (commit 3a49137), kept verbatim so that the benchmark can time the previous
// and the current engine in the same run: on a shared machine the ratio holds where the absolute figures do not.

internal static class Session2
{
    public static Dictionary<int, IndicatorProgress> Compute(
        IReadOnlyList<RollupNode> elements, IReadOnlyList<IndicatorSpec> specs, IReadOnlyDictionary<int, List<Observation>> observations,
        int asOfYear, Thresholds thresholds, out Session2Rollup rollup)
    {
        rollup = new Session2Rollup(elements);
        var results = new Dictionary<int, IndicatorProgress>(specs.Count);
        foreach (var s in specs)
        {
            rollup.AddIndicator(s.Id, s.ElementId, (double)s.Weight);
            results[s.Id] = Session2ProgressEngine.Evaluate(s, observations.GetValueOrDefault(s.Id, []), asOfYear, thresholds);
        }
        rollup.SetAll(results.Select(r => KeyValuePair.Create(r.Key, r.Value.Achievement)));
        return results;
    }
}

internal static class Session2ProgressEngine
{
    public static IndicatorProgress Evaluate(IndicatorSpec spec, IEnumerable<Observation> observations, int asOfYear, Thresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observations);
        Observation? latest = null;
        if (observations is List<Observation> list)
        {
            foreach (var o in list)
            {
                if (o.IndicatorId != spec.Id || o.Year > asOfYear) continue;
                if (latest is null || o.Year >= latest.Value.Year) latest = o;
            }
        }
        else
        {
            foreach (var o in observations)
            {
                if (o.IndicatorId != spec.Id || o.Year > asOfYear) continue;
                if (latest is null || o.Year >= latest.Value.Year) latest = o;
            }
        }
        var expected = ExpectedValue(spec, asOfYear);
        if (latest is not Observation actual)
        {
            return new IndicatorProgress(spec.Id, spec.ElementId, null, null, expected, null, ProgressStatus.NoData);
        }
        var (achievement, status) = spec.Measure switch
        {
            Measure.Milestone => Milestone(spec, actual.Value, asOfYear),
            Measure.Qualitative => Qualitative(actual.Value, thresholds),
            _ => Quantitative(spec, actual.Value, expected, asOfYear, thresholds),
        };
        return new IndicatorProgress(spec.Id, spec.ElementId, actual.Value, actual.Year, expected, achievement, status);
    }

    /// <summary>The value the trajectory expects in <paramref name="year"/>, or null without targets.</summary>
    public static decimal? ExpectedValue(IndicatorSpec spec, int year)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Targets.Count == 0) return null;
        // The points are the baseline and the targets (a target in the baseline's year wins). Without
        // allocating: the first and last points, and the nearest points at or before and at or after the year.
        int? firstYear = null, lastYear = null, loYear = null, hiYear = null;
        decimal first = 0, last = 0, lo = 0, hi = 0;
        void Visit(int y, decimal v, bool isTarget)
        {
            if (firstYear is null || y < firstYear || (y == firstYear && isTarget)) { firstYear = y; first = v; }
            if (lastYear is null || y > lastYear || (y == lastYear && isTarget)) { lastYear = y; last = v; }
            if (y <= year && (loYear is null || y > loYear || (y == loYear && isTarget))) { loYear = y; lo = v; }
            if (y >= year && (hiYear is null || y < hiYear || (y == hiYear && isTarget))) { hiYear = y; hi = v; }
        }
        if (spec.BaselineValue is decimal b) Visit(spec.BaselineYear, b, false);
        if (spec.Targets is Dictionary<int, decimal> dict)
        {
            foreach (var (y, v) in dict) Visit(y, v, true);
        }
        else
        {
            foreach (var (y, v) in spec.Targets) Visit(y, v, true);
        }
        if (year <= firstYear) return first;
        if (year >= lastYear) return last;
        if (loYear == hiYear) return hi;
        return lo + (hi - lo) * (year - loYear!.Value) / (hiYear!.Value - loYear.Value);
    }

    private static (double?, ProgressStatus) Quantitative(IndicatorSpec spec, decimal actual, decimal? expected, int asOfYear, Thresholds thresholds)
    {
        if (spec.Direction == Direction.Band)
        {
            if (spec.BandLow is not decimal lo || spec.BandHigh is not decimal hi || hi < lo) return (null, ProgressStatus.NoData);
            var width = Math.Max(hi - lo, 1e-9m);
            var distance = actual < lo ? lo - actual : actual > hi ? actual - hi : 0m;
            var a = Clamp(1.0 - (double)(distance / width));
            return (a, a >= 1.0 ? ProgressStatus.Achieved : thresholds.StatusOf(a));
        }
        if (expected is not decimal exp) return (null, ProgressStatus.NoData);
        var baseline = spec.BaselineValue ?? 0m;
        var increase = spec.Direction == Direction.Increase;
        double achievement;
        if (increase ? exp > baseline : exp < baseline)
        {
            var ratio = increase ? (actual - baseline) / (exp - baseline) : (baseline - actual) / (baseline - exp);
            achievement = Clamp((double)ratio);
        }
        else
        {
            // The trajectory does not move in the indicator's direction: keep at least (or at most) the expected value.
            var kept = increase ? actual >= exp : actual <= exp;
            achievement = kept ? 1.0
                : increase ? (exp > 0 ? Clamp((double)(actual / exp)) : 0)
                : (actual > 0 ? Clamp((double)(exp / actual)) : 0);
        }
        var finalTarget = FinalTarget(spec);
        var reachedFinal = increase ? actual >= finalTarget.Value : actual <= finalTarget.Value;
        var status = reachedFinal && (asOfYear >= finalTarget.Key || finalTarget.Value != baseline)
            ? ProgressStatus.Achieved
            : achievement >= 1.0 ? ProgressStatus.OnTrack : thresholds.StatusOf(achievement);
        return (achievement, status);
    }

    private static KeyValuePair<int, decimal> FinalTarget(IndicatorSpec spec)
    {
        var best = new KeyValuePair<int, decimal>(int.MinValue, 0);
        if (spec.Targets is Dictionary<int, decimal> dict)
        {
            foreach (var t in dict) if (t.Key > best.Key) best = t;
        }
        else
        {
            foreach (var t in spec.Targets) if (t.Key > best.Key) best = t;
        }
        return best;
    }

    private static (double?, ProgressStatus) Milestone(IndicatorSpec spec, decimal actual, int asOfYear)
    {
        if (actual >= 1m) return (1.0, ProgressStatus.Achieved);
        var due = spec.Targets.Count == 0 ? int.MaxValue : spec.Targets.Keys.Min();
        return asOfYear < due ? (null, ProgressStatus.OnTrack) : (0.0, ProgressStatus.OffTrack);
    }

    private static (double?, ProgressStatus) Qualitative(decimal value, Thresholds thresholds) => (QualitativeRating)(int)Math.Clamp(value, 0, 3) switch
    {
        QualitativeRating.Achieved => (1.0, ProgressStatus.Achieved),
        QualitativeRating.OnTrack => (thresholds.OnTrack, ProgressStatus.OnTrack),
        QualitativeRating.AtRisk => (thresholds.AtRisk, ProgressStatus.AtRisk),
        _ => (0.0, ProgressStatus.OffTrack),
    };

    private static double Clamp(double v) => double.IsNaN(v) ? 0 : Math.Clamp(v, 0.0, 1.0);
}

internal sealed class Session2Rollup
{
    private readonly Dictionary<int, int> _index;
    private readonly int[] _parent;
    private readonly double[] _weight;
    private readonly double[] _sum;          // Σ weight × achievement over children with data
    private readonly double[] _weightWithData;
    private readonly double[] _totalWeight;
    private readonly int[] _ids;
    private readonly Dictionary<int, (int Element, double Weight, double? Achievement)> _indicators = [];

    public Session2Rollup(IReadOnlyList<RollupNode> nodes)
    {
        _index = new Dictionary<int, int>(nodes.Count);
        _ids = new int[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            _index.Add(nodes[i].Id, i);
            _ids[i] = nodes[i].Id;
        }
        _parent = new int[nodes.Count];
        _weight = new double[nodes.Count];
        _sum = new double[nodes.Count];
        _weightWithData = new double[nodes.Count];
        _totalWeight = new double[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            _parent[i] = nodes[i].ParentId is int p && _index.TryGetValue(p, out var pi) ? pi : -1;
            _weight[i] = Math.Max(0, nodes[i].Weight);
        }
        for (var i = 0; i < nodes.Count; i++)
        {
            if (_parent[i] >= 0) _totalWeight[_parent[i]] += _weight[i];
        }
    }

    /// <summary>Adds an indicator to an element (its achievement unknown until <see cref="Set"/>).</summary>
    public void AddIndicator(int indicatorId, int elementId, double weight = 1)
    {
        var e = _index[elementId];
        _indicators.Add(indicatorId, (e, Math.Max(0, weight), null));
        _totalWeight[e] += Math.Max(0, weight);
    }

    /// <summary>Sets (or clears, with null) an indicator's achievement and updates its ancestors.</summary>
    public void Set(int indicatorId, double? achievement)
    {
        var (element, weight, old) = _indicators[indicatorId];
        if (old == achievement) return;
        _indicators[indicatorId] = (element, weight, achievement);
        Apply(element, weight, old, achievement);
    }

    /// <summary>Loads many achievements at once, then computes every element bottom-up in one pass.</summary>
    public void SetAll(IEnumerable<KeyValuePair<int, double?>> achievements)
    {
        foreach (var (id, a) in achievements)
        {
            var (e, w, _) = _indicators[id];
            _indicators[id] = (e, w, a);
        }
        Recompute();
    }

    public ElementProgress Get(int elementId)
    {
        var i = _index[elementId];
        return new ElementProgress(elementId, Achievement(i), _totalWeight[i] == 0 ? 0 : _weightWithData[i] / _totalWeight[i], _weightWithData[i], _totalWeight[i]);
    }

    public IEnumerable<ElementProgress> All() => _ids.Select(Get);

    private double? Achievement(int i) => _weightWithData[i] > 0 ? _sum[i] / _weightWithData[i] : null;

    private void Recompute()
    {
        Array.Clear(_sum);
        Array.Clear(_weightWithData);
        // Depth order (children before parents) so that each parent sees its children's final figures.
        var depth = new int[_ids.Length];
        for (var i = 0; i < _ids.Length; i++)
        {
            var d = 0;
            for (var p = _parent[i]; p >= 0; p = _parent[p]) d++;
            depth[i] = d;
        }
        foreach (var (e, w, a) in _indicators.Values)
        {
            if (a is double v && w > 0)
            {
                _sum[e] += w * v;
                _weightWithData[e] += w;
            }
        }
        var order = Enumerable.Range(0, _ids.Length).OrderByDescending(i => depth[i]).ToArray();
        foreach (var i in order)
        {
            var p = _parent[i];
            if (p < 0 || _weight[i] == 0) continue;
            if (Achievement(i) is double a)
            {
                _sum[p] += _weight[i] * a;
                _weightWithData[p] += _weight[i];
            }
        }
    }

    /// <summary>Replaces one contribution to <paramref name="node"/> and carries the change up the ancestors.</summary>
    private void Apply(int node, double weight, double? oldValue, double? newValue)
    {
        while (node >= 0 && weight > 0)
        {
            var before = Achievement(node);
            if (oldValue is double o)
            {
                _sum[node] -= weight * o;
                _weightWithData[node] -= weight;
            }
            if (newValue is double n)
            {
                _sum[node] += weight * n;
                _weightWithData[node] += weight;
            }
            if (_weightWithData[node] < 1e-12)
            {
                _weightWithData[node] = 0;
                _sum[node] = 0;
            }
            var after = Achievement(node);
            if (before == after) return;
            (oldValue, newValue, weight) = (before, after, _weight[node]);
            node = _parent[node];
        }
    }
}

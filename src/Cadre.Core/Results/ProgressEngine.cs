namespace Cadre.Core.Results;

public enum Measure
{
    Number,
    Percentage,
    Currency,
    /// <summary>Yes/no: 1 when done, 0 when not.</summary>
    Milestone,
    /// <summary>A rating given by the reporter: see <see cref="QualitativeRating"/>.</summary>
    Qualitative,
}

public enum Direction
{
    Increase,
    Decrease,
    /// <summary>Keep the value between <see cref="IndicatorSpec.BandLow"/> and <see cref="IndicatorSpec.BandHigh"/>.</summary>
    Band,
}

public enum ProgressStatus
{
    NoData,
    OffTrack,
    AtRisk,
    OnTrack,
    Achieved,
}

/// <summary>The ratings a reporter gives to a qualitative indicator, stored as values 0 to 3.</summary>
public enum QualitativeRating
{
    OffTrack = 0,
    AtRisk = 1,
    OnTrack = 2,
    Achieved = 3,
}

/// <summary>
/// When an achievement counts as on track or at risk. A plan setting, shown wherever a status is shown.
/// </summary>
public sealed record Thresholds(double OnTrack = 0.9, double AtRisk = 0.6)
{
    public static readonly Thresholds Default = new();

    public ProgressStatus StatusOf(double achievement) =>
        achievement >= 1.0 ? ProgressStatus.Achieved
        : achievement >= OnTrack ? ProgressStatus.OnTrack
        : achievement >= AtRisk ? ProgressStatus.AtRisk
        : ProgressStatus.OffTrack;
}

/// <summary>What an indicator promises: baseline, targets by year, direction.</summary>
public sealed record IndicatorSpec(
    int Id,
    int ElementId,
    Measure Measure,
    Direction Direction,
    decimal? BaselineValue,
    int BaselineYear,
    IReadOnlyDictionary<int, decimal> Targets,
    decimal Weight = 1m,
    decimal? BandLow = null,
    decimal? BandHigh = null);

/// <summary>A validated value of an indicator for a year (per-period or cumulative as the indicator says).</summary>
public readonly record struct Observation(int IndicatorId, int Year, decimal Value);

public sealed record IndicatorProgress(
    int IndicatorId,
    int ElementId,
    decimal? Actual,
    int? ActualYear,
    decimal? Expected,
    /// <summary>Achievement against the trajectory to date, between 0 and 1 (1 = on or above the trajectory).</summary>
    double? Achievement,
    ProgressStatus Status);

/// <summary>
/// Progress of indicators against their trajectory, as pure functions. The rules:
/// <list type="bullet">
/// <item>The actual is the latest validated value at or before the as-of year.</item>
/// <item>The expected value is on the straight line from the baseline to the targets (the nearest
/// targets before and after the as-of year; after the last target, the last target).</item>
/// <item>Increase: achievement = (actual − baseline) / (expected − baseline); decrease: the same with the
/// signs turned. When the trajectory does not move in the indicator's direction (a target equal to the
/// baseline, say), it means "keep at least (or at most) the expected value": 1 when kept, else
/// actual / expected (or expected / actual). Band: 1 inside the band, falling linearly to 0 at one
/// band-width outside it.</item>
/// <item>Achievement is clamped to [0, 1]. Status: achieved when the last target is reached (or the
/// achievement is 1 at or after the target year), otherwise from the plan's thresholds.</item>
/// <item>Milestones: 1 when done (achieved); not done and not yet due: no achievement, status on track;
/// not done and due: 0, off track.</item>
/// <item>Qualitative: the reporter's rating; achieved = 1, on track = the on-track threshold, at risk =
/// the at-risk threshold, off track = 0.</item>
/// </list>
/// </summary>
public static class ProgressEngine
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
        var t = new Trajectory(year);
        if (spec.BaselineValue is decimal b) t.Visit(spec.BaselineYear, b, false);
        if (spec.Targets is Dictionary<int, decimal> dict)
        {
            foreach (var (y, v) in dict) t.Visit(y, v, true);
        }
        else
        {
            foreach (var (y, v) in spec.Targets) t.Visit(y, v, true);
        }
        return t.Value();
    }

    /// <summary>The points of a trajectory that matter for one year, gathered in one pass (a struct: no allocation).</summary>
    private struct Trajectory(int year)
    {
        private bool _any, _anyLo, _anyHi;
        private int _firstYear, _lastYear, _loYear, _hiYear;
        private decimal _first, _last, _lo, _hi;

        public void Visit(int y, decimal v, bool isTarget)
        {
            if (!_any)
            {
                _any = true;
                (_firstYear, _first, _lastYear, _last) = (y, v, y, v);
            }
            else
            {
                if (y < _firstYear || (y == _firstYear && isTarget)) (_firstYear, _first) = (y, v);
                if (y > _lastYear || (y == _lastYear && isTarget)) (_lastYear, _last) = (y, v);
            }
            if (y <= year && (!_anyLo || y > _loYear || (y == _loYear && isTarget))) (_anyLo, _loYear, _lo) = (true, y, v);
            if (y >= year && (!_anyHi || y < _hiYear || (y == _hiYear && isTarget))) (_anyHi, _hiYear, _hi) = (true, y, v);
        }

        public readonly decimal Value()
        {
            if (year <= _firstYear) return _first;
            if (year >= _lastYear) return _last;
            if (_loYear == _hiYear) return _hi;
            return _lo + (_hi - _lo) * (year - _loYear) / (_hiYear - _loYear);
        }
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
            // The ratio in double arithmetic (a decimal division costs ten times more), except within a hair of a
            // threshold, where the exact decimal ratio decides the status as it always did.
            var b = (double)baseline;
            var ratio = ((double)actual - b) / ((double)exp - b);
            if (NearAThreshold(ratio, thresholds))
            {
                ratio = (double)(increase ? (actual - baseline) / (exp - baseline) : (baseline - actual) / (baseline - exp));
            }
            achievement = Clamp(ratio);
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

    /// <summary>True when a ratio computed in double is too close to 0, 1 or a threshold for its rounding to be trusted.</summary>
    private static bool NearAThreshold(double ratio, Thresholds thresholds)
    {
        const double hair = 1e-9;
        return double.IsNaN(ratio) || double.IsInfinity(ratio)
            || Math.Abs(ratio) < hair || Math.Abs(ratio - 1.0) < hair
            || Math.Abs(ratio - thresholds.OnTrack) < hair || Math.Abs(ratio - thresholds.AtRisk) < hair;
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
        var due = int.MaxValue;
        foreach (var y in spec.Targets.Keys) due = Math.Min(due, y);
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

using Cadre.Core.Results;

namespace Cadre.Core.Tests.Results;

/// <summary>
/// The engine as it was before it was made faster (session 2, all in decimal arithmetic), kept verbatim so that a
/// property test can check the current engine gives the same figures to display precision and the same statuses.
/// </summary>
internal static class ReferenceProgressEngine
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

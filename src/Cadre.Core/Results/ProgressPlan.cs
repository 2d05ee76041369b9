using System.Collections.Concurrent;

namespace Cadre.Core.Results;

/// <summary>
/// A plan's indicators and values prepared once per load for <see cref="ProgressEngine"/>'s rules, so that a full
/// recomputation as of a year is a pass over flat arrays (struct of arrays) with no object or allocation per indicator:
/// <list type="bullet">
/// <item>per indicator: the baseline as a double, the final target's year, the range of its values in the flat arrays;</item>
/// <item>per value (sorted by year within each indicator, one per year: the one the engine would take): the value as a
/// decimal and as a double, its year, and whether it reaches the final target;</item>
/// <item>per as-of year (computed on first use and kept): the trajectory's expected value minus the baseline as a
/// double, and whether the trajectory moves in the indicator's direction.</item>
/// </list>
/// The common case (a number, percentage or amount to increase or decrease, with a trajectory moving its way) is
/// computed on these arrays with the same double arithmetic as <see cref="ProgressEngine.Evaluate"/>; every other
/// case (milestones, qualitative, bands, no targets, a trajectory that does not move, a ratio within a hair of a
/// threshold) is handed to <see cref="ProgressEngine.Evaluate"/> itself. So the figures are exactly the engine's
/// (a property test compares them), and the roll-up sums in the same order as before.
/// </summary>
public sealed class ProgressPlan
{
    private const byte Fast = 0, Slow = 1;

    private readonly IReadOnlyList<IndicatorSpec> _specs;
    private readonly IReadOnlyDictionary<int, List<Observation>> _observations;
    private readonly byte[] _kind;
    private readonly double[] _baseline;
    private readonly int[] _finalYear;
    private readonly bool[] _finalDiffers;     // the final target differs from the baseline
    private readonly int[] _offset;            // values of indicator i: [_offset[i], _offset[i + 1])
    private readonly int[] _valueYear;
    private readonly decimal[] _value;
    private readonly double[] _valueDouble;
    private readonly bool[] _reachesFinal;
    private readonly Rollup _template;
    private readonly ConcurrentDictionary<int, YearTable> _years = new();

    /// <summary>The trajectory as of one year, per indicator.</summary>
    private sealed class YearTable(double[] denominator, bool[] moves)
    {
        public readonly double[] Denominator = denominator;   // (double)expected − (double)baseline
        public readonly bool[] Moves = moves;                 // the trajectory moves in the indicator's direction
    }

    private static readonly List<Observation> NoObservations = [];

    /// <summary>Prepares a plan: its element tree, its indicators (in this order) and their validated yearly values.</summary>
    public ProgressPlan(IReadOnlyList<RollupNode> elements, IReadOnlyList<IndicatorSpec> specs, IReadOnlyDictionary<int, List<Observation>> observations)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(observations);
        _specs = specs;
        _observations = observations;
        var n = specs.Count;
        _kind = new byte[n];
        _baseline = new double[n];
        _finalYear = new int[n];
        _finalDiffers = new bool[n];
        _offset = new int[n + 1];
        var total = 0;
        foreach (var s in specs) total += observations.TryGetValue(s.Id, out var l) ? l.Count : 0;
        var years = new int[total];
        var values = new decimal[total];
        var at = 0;
        for (var i = 0; i < n; i++)
        {
            var s = specs[i];
            _offset[i] = at;
            // The values the engine can take: this indicator's, the last one listed for each year, sorted by year.
            if (observations.TryGetValue(s.Id, out var list))
            {
                var start = at;
                foreach (var o in list)
                {
                    if (o.IndicatorId != s.Id) continue;
                    var k = at - 1;
                    while (k >= start && years[k] > o.Year) k--;
                    if (k >= start && years[k] == o.Year)
                    {
                        values[k] = o.Value;
                        continue;
                    }
                    // Insert after k (the lists usually come sorted: no move).
                    for (var m = at; m > k + 1; m--)
                    {
                        years[m] = years[m - 1];
                        values[m] = values[m - 1];
                    }
                    years[k + 1] = o.Year;
                    values[k + 1] = o.Value;
                    at++;
                }
            }
            var baseline = s.BaselineValue ?? 0m;
            _baseline[i] = (double)baseline;
            var quantitative = s.Measure is Measure.Number or Measure.Percentage or Measure.Currency && s.Direction != Direction.Band;
            _kind[i] = quantitative && s.Targets.Count > 0 ? Fast : Slow;
            if (s.Targets.Count > 0)
            {
                var final = new KeyValuePair<int, decimal>(int.MinValue, 0);
                foreach (var t in s.Targets) if (t.Key > final.Key) final = t;
                _finalYear[i] = final.Key;
                _finalDiffers[i] = final.Value != baseline;
            }
        }
        _offset[n] = at;
        _valueYear = years.Length == at ? years : years[..at];
        _value = values.Length == at ? values : values[..at];
        _valueDouble = new double[at];
        _reachesFinal = new bool[at];
        for (var i = 0; i < n; i++)
        {
            var s = specs[i];
            decimal final = 0;
            if (s.Targets.Count > 0)
            {
                var best = int.MinValue;
                foreach (var t in s.Targets)
                {
                    if (t.Key > best) (best, final) = (t.Key, t.Value);
                }
            }
            var increase = s.Direction == Direction.Increase;
            for (var k = _offset[i]; k < _offset[i + 1]; k++)
            {
                _valueDouble[k] = (double)_value[k];
                _reachesFinal[k] = increase ? _value[k] >= final : _value[k] <= final;
            }
        }
        _template = new Rollup(elements);
        for (var i = 0; i < n; i++) _template.Load(specs[i].Id, specs[i].ElementId, (double)specs[i].Weight, null);
        _template.Freeze();
    }

    /// <summary>How many indicators.</summary>
    public int Count => _specs.Count;

    /// <summary>The indicators, in the order of the results.</summary>
    public IReadOnlyList<IndicatorSpec> Specs => _specs;

    /// <summary>Prepares the trajectories of these as-of years now rather than on first use (for timing the load apart).</summary>
    public void Prepare(IEnumerable<int> asOfYears)
    {
        ArgumentNullException.ThrowIfNull(asOfYears);
        foreach (var y in asOfYears) Year(y);
    }

    private YearTable Year(int year) => _years.GetOrAdd(year, y =>
    {
        var n = _specs.Count;
        var denominator = new double[n];
        var moves = new bool[n];
        for (var i = 0; i < n; i++)
        {
            if (_kind[i] != Fast) continue;
            var s = _specs[i];
            var exp = ProgressEngine.ExpectedValue(s, y)!.Value;
            var baseline = s.BaselineValue ?? 0m;
            moves[i] = s.Direction == Direction.Increase ? exp > baseline : exp < baseline;
            denominator[i] = (double)exp - _baseline[i];
        }
        return new YearTable(denominator, moves);
    });

    /// <summary>
    /// Every indicator as of <paramref name="asOfYear"/>, then the roll-up. Large plans are evaluated in two halves on
    /// two cores when <paramref name="parallel"/> (each indicator into its own slot; the roll-up afterwards on one
    /// thread in a fixed order, so the figures do not depend on it).
    /// </summary>
    public ProgressResults Compute(int asOfYear, Thresholds thresholds, bool parallel = true)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var n = _specs.Count;
        var achievement = new double[n];
        var status = new ProgressStatus[n];
        var actual = new int[n];
        var table = Year(asOfYear);
        if (parallel && n >= ProgressService.ParallelFrom && Environment.ProcessorCount > 1)
        {
            var half = n / 2;
            Parallel.Invoke(
                () => Evaluate(0, half, asOfYear, thresholds, table, achievement, status, actual),
                () => Evaluate(half, n, asOfYear, thresholds, table, achievement, status, actual));
        }
        else
        {
            Evaluate(0, n, asOfYear, thresholds, table, achievement, status, actual);
        }
        var rollup = new Rollup(_template, achievement);
        return new ProgressResults(this, asOfYear, achievement, status, actual, rollup);
    }

    private void Evaluate(int from, int to, int asOf, Thresholds thresholds, YearTable table, double[] achievement, ProgressStatus[] status, int[] actual)
    {
        var kind = _kind;
        var offset = _offset;
        var valueYear = _valueYear;
        var valueDouble = _valueDouble;
        var baseline = _baseline;
        var denominator = table.Denominator;
        var moves = table.Moves;
        var onTrack = thresholds.OnTrack;
        var atRisk = thresholds.AtRisk;
        for (var i = from; i < to; i++)
        {
            var start = offset[i];
            var j = offset[i + 1] - 1;
            while (j >= start && valueYear[j] > asOf) j--;
            actual[i] = j >= start ? j : -1;
            if (j < start)
            {
                // No value yet: the engine gives "no data" whatever the kind.
                achievement[i] = double.NaN;
                status[i] = ProgressStatus.NoData;
                continue;
            }
            if (kind[i] == Fast && moves[i])
            {
                var ratio = (valueDouble[j] - baseline[i]) / denominator[i];
                const double hair = 1e-9;
                if (!(double.IsNaN(ratio) || double.IsInfinity(ratio) || Math.Abs(ratio) < hair || Math.Abs(ratio - 1.0) < hair
                    || Math.Abs(ratio - onTrack) < hair || Math.Abs(ratio - atRisk) < hair))
                {
                    var a = Math.Clamp(ratio, 0.0, 1.0);
                    achievement[i] = a;
                    status[i] = _reachesFinal[j] && (asOf >= _finalYear[i] || _finalDiffers[i])
                        ? ProgressStatus.Achieved
                        : a >= 1.0 ? ProgressStatus.OnTrack
                        : a >= onTrack ? ProgressStatus.OnTrack
                        : a >= atRisk ? ProgressStatus.AtRisk
                        : ProgressStatus.OffTrack;
                    continue;
                }
            }
            // Everything else, and ratios too near a threshold for double arithmetic: the engine itself.
            var s = _specs[i];
            var p = ProgressEngine.Evaluate(s, _observations.TryGetValue(s.Id, out var list) ? list : NoObservations, asOf, thresholds);
            achievement[i] = p.Achievement ?? double.NaN;
            status[i] = p.Status;
        }
    }

    internal decimal Value(int k) => _value[k];

    internal int ValueYear(int k) => _valueYear[k];
}

/// <summary>
/// Every indicator's progress as of a year, in the order of <see cref="ProgressPlan.Specs"/>, in flat arrays, and the
/// roll-up of the elements. <see cref="Get"/> gives one indicator as the engine's record.
/// </summary>
public sealed class ProgressResults
{
    private readonly ProgressPlan _plan;
    private readonly double[] _achievement;
    private readonly ProgressStatus[] _status;
    private readonly int[] _actual;

    internal ProgressResults(ProgressPlan plan, int asOfYear, double[] achievement, ProgressStatus[] status, int[] actual, Rollup rollup)
    {
        _plan = plan;
        AsOfYear = asOfYear;
        _achievement = achievement;
        _status = status;
        _actual = actual;
        Rollup = rollup;
    }

    public int AsOfYear { get; }

    public int Count => _achievement.Length;

    /// <summary>The elements' figures (kept current afterwards by <see cref="Rollup.Set"/>).</summary>
    public Rollup Rollup { get; }

    public double? Achievement(int i) => double.IsNaN(_achievement[i]) ? null : _achievement[i];

    public ProgressStatus Status(int i) => _status[i];

    /// <summary>Indicator <paramref name="i"/> (in the plan's order) as <see cref="ProgressEngine.Evaluate"/> gives it.</summary>
    public IndicatorProgress Get(int i)
    {
        var spec = _plan.Specs[i];
        var k = _actual[i];
        return new IndicatorProgress(spec.Id, spec.ElementId,
            k >= 0 ? _plan.Value(k) : null, k >= 0 ? _plan.ValueYear(k) : null,
            ProgressEngine.ExpectedValue(spec, AsOfYear), Achievement(i), _status[i]);
    }
}

using BenchmarkDotNet.Attributes;
using Cadre.Core.Finance;

namespace Cadre.Benchmarks.Finance;

/// <summary>
/// The attribution engine and the coherence checks on a large plan: 5,000 strategic elements (100 priorities,
/// 900 outcomes, 4,000 outputs), 50 units each attributing to 200 elements, and 20,000 operational outputs
/// (each with an activity) of which nine in ten link to a strategic element. The peer of the attribution is
/// the naive split (each element's share rounded on its own), which is what the engine must not be slower
/// than by much while getting the sums exact.
/// </summary>
[InProcess]
[MemoryDiagnoser]
public class FinanceBenchmarks
{
    private List<AttributionKey> _keys = [];
    private Dictionary<int, int?> _parents = [];
    private CoherenceInput _input = null!;
    private HashSet<int> _goals = [];
    private Dictionary<int, IReadOnlyDictionary<int, decimal>> _goalShares = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var strategic = new List<CoherenceElement>();
        var id = 1;
        var priorities = Enumerable.Range(0, 100).Select(_ => id++).ToList();
        foreach (var p in priorities) strategic.Add(new CoherenceElement(p, 1, null, $"P{p}", "priority"));
        // Two strategic goals; the priorities sit under no goal and serve both through goal shares (as in the demo plan).
        const int goal1 = 1_000_001, goal2 = 1_000_002;
        _goals = [goal1, goal2];
        _goalShares = priorities.ToDictionary(p => p, p => (IReadOnlyDictionary<int, decimal>)new Dictionary<int, decimal> { [goal1] = 60m, [goal2] = 40m });
        var outcomes = new List<int>();
        for (var i = 0; i < 900; i++)
        {
            var o = id++;
            outcomes.Add(o);
            strategic.Add(new CoherenceElement(o, 1, priorities[i % 100], $"O{o}", "outcome"));
        }
        for (var i = 0; i < 4000; i++)
        {
            var o = id++;
            strategic.Add(new CoherenceElement(o, 1, outcomes[i % 900], $"X{o}", "output"));
        }
        _parents = strategic.ToDictionary(e => e.Id, e => e.ParentId);
        var all = strategic.Select(e => e.Id).ToArray();

        for (var u = 0; u < 50; u++)
        {
            var shares = new Dictionary<int, decimal>();
            while (shares.Count < 200) shares[all[random.Next(all.Length)]] = random.Next(1, 1000);
            _keys.Add(new AttributionKey($"U{u}", random.NextInt64(1_000_000_00, 50_000_000_00), shares));
        }

        var operational = new List<CoherenceElement>();
        var links = new List<(int, int)>();
        var resources = new Dictionary<int, decimal>();
        for (var i = 0; i < 20_000; i++)
        {
            var output = id++;
            var activity = id++;
            operational.Add(new CoherenceElement(output, 2 + i % 50, null, $"OP{i}", "output"));
            operational.Add(new CoherenceElement(activity, 2 + i % 50, output, $"OP{i}.A1", "activity"));
            if (i % 10 != 0) links.Add((i % 2 == 0 ? output : activity, all[random.Next(all.Length)]));
            resources[output] = random.Next(0, 100_000);
        }
        var result = Attribution.Compute(_keys);
        var planned = _keys.ToDictionary(k => k.Unit, k => Money.FromMinor(k.AmountMinor));
        _input = new CoherenceInput(1, strategic, operational, links, resources, result.ByElement,
            result.Matrix.ToDictionary(m => m.Key, m => m.Value.Values.Sum()), planned,
            planned.ToDictionary(p => p.Key, p => p.Value + (p.Key == "U7" ? 1m : 0m)),
            [new LimitFigures(null, 1_000_000_000m), new LimitFigures("U3", 1m)],
            [new BienniumFigures(2024, 2025, 10m, 10m, 10m), new BienniumFigures(2026, 2027, 10m, 11m, 10m)],
            strategic.Where(e => e.Id % 3 == 0).Select(e => e.Id).ToHashSet());
    }

    [Benchmark(Baseline = true, Description = "naive split (rounded per element, sums not exact)")]
    public long NaiveSplit()
    {
        long total = 0;
        foreach (var key in _keys)
        {
            var sum = key.Keys.Values.Sum();
            foreach (var (_, weight) in key.Keys) total += (long)decimal.Round(key.AmountMinor * weight / sum);
        }
        return total;
    }

    [Benchmark(Description = "attribution: matrix + roll-up + totals per strategic goal")]
    public int Attribute()
    {
        var result = Attribution.Compute(_keys);
        var byGoal = Attribution.ByGoal(result.ByElement, _parents, _goals, _goalShares);
        return Attribution.RollUp(result.ByElement, _parents).Count + byGoal.ByGoal.Count;
    }

    [Benchmark(Description = "coherence checks")]
    public int CheckCoherence() => Coherence.Check(_input).Count;
}

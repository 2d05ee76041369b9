using BenchmarkDotNet.Attributes;
using Cadre.Core.Consultation;

namespace Cadre.Benchmarks.Consultation;

/// <summary>
/// Aggregating 10,000 ballots over 20 items by each method (target: Schulze under 50 ms). The peer is a
/// textbook Schulze on the same ballots (pairwise counts by looking up each pair's positions in the
/// ballot, then Floyd–Warshall over every triple), marked as the baseline so that the ratio is printed.
/// Ballots are deterministic: a common underlying order with random swaps, and one in ten a top-5 ballot.
/// </summary>
[MemoryDiagnoser]
public class RankAggregationBenchmarks
{
    [Params(10_000)]
    public int BallotCount { get; set; }

    [Params(20)]
    public int Items { get; set; }

    private List<Ballot> _ballots = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(2020);
        _ballots = new List<Ballot>(BallotCount);
        for (var b = 0; b < BallotCount; b++)
        {
            var order = Enumerable.Range(0, Items).ToArray();
            for (var s = 0; s < Items; s++)
            {
                var i = rng.Next(Items - 1);
                if (rng.NextDouble() < 0.6) (order[i], order[i + 1]) = (order[i + 1], order[i]);
            }
            _ballots.Add(new Ballot(b % 10 == 0 ? order.Take(5).ToList() : order.ToList()));
        }
    }

    [Benchmark]
    public IReadOnlyList<MeanRank> MeanRank() => RankAggregation.MeanRanks(_ballots, Items);

    [Benchmark]
    public IReadOnlyList<BordaScore> Borda() => RankAggregation.Borda(_ballots, Items);

    [Benchmark]
    public SchulzeResult Schulze() => RankAggregation.Schulze(_ballots, Items);

    [Benchmark(Baseline = true)]
    public int[] SchulzeTextbookPeer()
    {
        var n = Items;
        var d = new int[n, n];
        foreach (var ballot in _ballots)
        {
            var list = ballot.Ranking.ToList();
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (i == j) continue;
                    var pi = list.IndexOf(i);
                    var pj = list.IndexOf(j);
                    if (pi >= 0 && (pj < 0 || pi < pj)) d[i, j]++;
                }
            }
        }
        var p = new int[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) p[i, j] = i != j && d[i, j] > d[j, i] ? d[i, j] : 0;
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i == j) continue;
                for (var k = 0; k < n; k++)
                {
                    if (i != k && j != k) p[j, k] = Math.Max(p[j, k], Math.Min(p[j, i], p[i, k]));
                }
            }
        }
        var wins = new int[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j && p[i, j] > p[j, i]) wins[i]++;
            }
        }
        return wins;
    }
}

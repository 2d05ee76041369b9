using Cadre.Core.Consultation;
using CsCheck;

namespace Cadre.Core.Tests.Consultation;

public sealed class RankAggregationTests
{
    /// <summary>Small random profiles: 2 to 5 items, 1 to 12 ballots, each a full or top-k ranking.</summary>
    private static readonly Gen<(int Items, List<Ballot> Ballots)> Profiles = Gen.Int[1, int.MaxValue].Select(seed =>
    {
        var rng = new Random(seed);
        var n = rng.Next(2, 6);
        var ballots = new List<Ballot>();
        for (var b = rng.Next(1, 13); b > 0; b--)
        {
            var perm = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToList();
            ballots.Add(new Ballot(perm.Take(rng.Next(0, 3) == 0 ? rng.Next(1, n + 1) : n).ToList()));
        }
        return (n, ballots);
    });

    [Fact]
    public void The_survey_of_seed_003_gives_D4_D3_D2_D1_by_every_method()
    {
        // Items 0..3 = D.1..D.4; members put D.4 first, D.3 and D.2 close behind, D.1 far behind.
        var ballots = new List<Ballot>();
        for (var i = 0; i < 6; i++) ballots.Add(new([3, 2, 1, 0]));
        for (var i = 0; i < 4; i++) ballots.Add(new([3, 1, 2, 0]));
        for (var i = 0; i < 3; i++) ballots.Add(new([2, 3, 1, 0]));
        ballots.Add(new([1, 2, 3, 0]));
        Assert.Equal([3, 2, 1, 0], RankAggregation.MeanRanks(ballots, 4).Select(m => m.Item));
        Assert.Equal([3, 2, 1, 0], RankAggregation.Borda(ballots, 4).Select(s => s.Item));
        var schulze = RankAggregation.Schulze(ballots, 4);
        Assert.Equal([3, 2, 1, 0], schulze.Order);
        Assert.Equal(3, schulze.CondorcetWinner);
    }

    [Fact]
    public void A_Condorcet_cycle_has_no_Condorcet_winner_and_Schulze_still_orders_by_strength()
    {
        // The classic cycle a > b > c > a with different margins.
        var ballots = new List<Ballot>();
        for (var i = 0; i < 5; i++) ballots.Add(new([0, 1, 2]));
        for (var i = 0; i < 4; i++) ballots.Add(new([1, 2, 0]));
        for (var i = 0; i < 3; i++) ballots.Add(new([2, 0, 1]));
        var r = RankAggregation.Schulze(ballots, 3);
        Assert.Null(r.CondorcetWinner);
        Assert.Equal(3, r.Order.Distinct().Count());
    }

    [Fact]
    public void Invalid_ballots_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RankAggregation.Validate(new([0, 0, 1]), 3));
        Assert.Throws<ArgumentException>(() => RankAggregation.Validate(new([0, 3]), 3));
        Assert.Throws<ArgumentException>(() => RankAggregation.Validate(new([]), 3));
    }

    [Fact]
    public void Borda_agrees_with_brute_force_counting()
    {
        Profiles.Sample(p =>
        {
            var expected = new double[p.Items];
            foreach (var b in p.Ballots)
            {
                foreach (var item in b.Ranking) expected[item] += p.Items - 1 - b.Ranking.ToList().IndexOf(item);
            }
            return RankAggregation.Borda(p.Ballots, p.Items).All(s => s.Points == expected[s.Item]);
        });
    }

    [Fact]
    public void Schulze_agrees_with_brute_force_over_all_paths()
    {
        Profiles.Sample(p =>
        {
            var d = RankAggregation.Pairwise(p.Ballots, p.Items);
            var r = RankAggregation.Schulze(d);
            for (var i = 0; i < p.Items; i++)
            {
                for (var j = 0; j < p.Items; j++)
                {
                    if (i != j && r.Strongest[i, j] != BruteForceStrongestPath(d, i, j)) return false;
                }
            }
            // The order puts every item before those it beats.
            for (var a = 0; a < p.Items; a++)
            {
                for (var b = a + 1; b < p.Items; b++)
                {
                    var (x, y) = (r.Order[a], r.Order[b]);
                    if (r.Strongest[y, x] > r.Strongest[x, y]) return false;
                }
            }
            return true;
        });
    }

    [Fact]
    public void A_Condorcet_winner_when_one_exists_is_first_under_Schulze()
    {
        Profiles.Sample(p =>
        {
            var r = RankAggregation.Schulze(p.Ballots, p.Items);
            return r.CondorcetWinner is not int w || (r.Order[0] == w && r.Ranks[w] == 1 && r.Ranks.Count(x => x == 1) == 1);
        });
    }

    /// <summary>The widest path from i to j over every simple path: exponential, for small n only.</summary>
    private static int BruteForceStrongestPath(int[,] d, int from, int to)
    {
        var n = d.GetLength(0);
        int Edge(int a, int b) => d[a, b] > d[b, a] ? d[a, b] : 0;
        var best = 0;
        void Walk(int node, int width, bool[] visited)
        {
            if (node == to)
            {
                best = Math.Max(best, width);
                return;
            }
            for (var next = 0; next < n; next++)
            {
                if (visited[next] || Edge(node, next) == 0) continue;
                visited[next] = true;
                Walk(next, Math.Min(width, Edge(node, next)), visited);
                visited[next] = false;
            }
        }
        var seen = new bool[n];
        seen[from] = true;
        Walk(from, int.MaxValue, seen);
        return best;
    }
}

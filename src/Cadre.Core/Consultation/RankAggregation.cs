namespace Cadre.Core.Consultation;

/// <summary>One respondent's ranking: item indexes (0 to n−1), best first. It may rank only the top k.</summary>
public sealed record Ballot(IReadOnlyList<int> Ranking);

public sealed record MeanRank(int Item, double Mean, int Ballots, IReadOnlyList<int> Distribution);

public sealed record BordaScore(int Item, double Points);

public sealed record SchulzeResult(
    /// <summary>d[i, j]: how many ballots rank i above j.</summary>
    int[,] Pairwise,
    /// <summary>p[i, j]: the strength of the strongest path from i to j.</summary>
    int[,] Strongest,
    /// <summary>The Schulze order, best first; items tied share a rank (same position in <see cref="Ranks"/>).</summary>
    IReadOnlyList<int> Order,
    IReadOnlyList<int> Ranks,
    /// <summary>The item that beats every other one pairwise, if there is one.</summary>
    int? CondorcetWinner);

/// <summary>
/// Aggregates ranking ballots three ways, as pure functions. Items a ballot leaves out (a top-k
/// ranking) are taken as tied below every item it ranks: they get no Borda points, count as the rank
/// after the last one given for the mean, and lose every pairwise contest against ranked items.
/// </summary>
public static class RankAggregation
{
    public static void Validate(Ballot ballot, int itemCount)
    {
        var seen = new HashSet<int>();
        foreach (var item in ballot.Ranking)
        {
            if (item < 0 || item >= itemCount) throw new ArgumentException($"Unknown item {item}.", nameof(ballot));
            if (!seen.Add(item)) throw new ArgumentException($"Item {item} is ranked twice.", nameof(ballot));
        }
        if (ballot.Ranking.Count == 0) throw new ArgumentException("A ballot must rank at least one item.", nameof(ballot));
    }

    /// <summary>The mean rank (1 = best) of each item, with how many ballots put it at each rank.</summary>
    public static IReadOnlyList<MeanRank> MeanRanks(IReadOnlyList<Ballot> ballots, int itemCount)
    {
        var sums = new double[itemCount];
        var distribution = new int[itemCount, itemCount];
        foreach (var b in ballots)
        {
            var ranked = new bool[itemCount];
            for (var r = 0; r < b.Ranking.Count; r++)
            {
                sums[b.Ranking[r]] += r + 1;
                distribution[b.Ranking[r], r]++;
                ranked[b.Ranking[r]] = true;
            }
            for (var i = 0; i < itemCount; i++)
            {
                if (!ranked[i]) sums[i] += b.Ranking.Count + 1;
            }
        }
        return Enumerable.Range(0, itemCount)
            .Select(i => new MeanRank(i, ballots.Count == 0 ? 0 : sums[i] / ballots.Count, ballots.Count, Enumerable.Range(0, itemCount).Select(r => distribution[i, r]).ToList()))
            .OrderBy(m => m.Mean).ThenBy(m => m.Item)
            .ToList();
    }

    /// <summary>Borda count: an item ranked r-th (0-based) among n items gets n − 1 − r points.</summary>
    public static IReadOnlyList<BordaScore> Borda(IReadOnlyList<Ballot> ballots, int itemCount)
    {
        var points = new double[itemCount];
        foreach (var b in ballots)
        {
            for (var r = 0; r < b.Ranking.Count; r++) points[b.Ranking[r]] += itemCount - 1 - r;
        }
        return Enumerable.Range(0, itemCount).Select(i => new BordaScore(i, points[i]))
            .OrderByDescending(s => s.Points).ThenBy(s => s.Item).ToList();
    }

    public static int[,] Pairwise(IReadOnlyList<Ballot> ballots, int itemCount)
    {
        var d = new int[itemCount, itemCount];
        var position = new int[itemCount];
        foreach (var b in ballots)
        {
            Array.Fill(position, int.MaxValue);
            for (var r = 0; r < b.Ranking.Count; r++) position[b.Ranking[r]] = r;
            for (var i = 0; i < itemCount; i++)
            {
                for (var j = 0; j < itemCount; j++)
                {
                    if (i != j && position[i] < position[j]) d[i, j]++;
                }
            }
        }
        return d;
    }

    /// <summary>The Schulze method (widest paths by Floyd–Warshall), with the pairwise matrix and the Condorcet winner.</summary>
    public static SchulzeResult Schulze(IReadOnlyList<Ballot> ballots, int itemCount) => Schulze(Pairwise(ballots, itemCount));

    public static SchulzeResult Schulze(int[,] d)
    {
        var n = d.GetLength(0);
        var p = new int[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j) p[i, j] = d[i, j] > d[j, i] ? d[i, j] : 0;
            }
        }
        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                if (i == k || p[i, k] == 0) continue;
                for (var j = 0; j < n; j++)
                {
                    if (j == i || j == k) continue;
                    var via = Math.Min(p[i, k], p[k, j]);
                    if (via > p[i, j]) p[i, j] = via;
                }
            }
        }
        // i beats j when p[i,j] > p[j,i]; the relation is transitive, so ranking by the number of
        // items beaten gives the Schulze order, and equal counts are ties.
        var wins = new int[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j && p[i, j] > p[j, i]) wins[i]++;
            }
        }
        var order = Enumerable.Range(0, n).OrderByDescending(i => wins[i]).ThenBy(i => i).ToList();
        var ranks = new int[n];
        for (var pos = 0; pos < n; pos++)
        {
            var item = order[pos];
            ranks[item] = pos > 0 && wins[order[pos - 1]] == wins[item] ? ranks[order[pos - 1]] : pos + 1;
        }
        int? condorcet = null;
        for (var i = 0; i < n && condorcet is null; i++)
        {
            var beatsAll = true;
            for (var j = 0; j < n && beatsAll; j++)
            {
                if (i != j && d[i, j] <= d[j, i]) beatsAll = false;
            }
            if (beatsAll) condorcet = i;
        }
        return new SchulzeResult(d, p, order, ranks, condorcet);
    }
}

namespace Cadre.Core.Drafting;

/// <summary>
/// Turns two texts (a base and a proposal, e.g. a Word document's tracked changes rejected and accepted) into a
/// proposal's changes, provision by provision: paragraphs kept as they are, paragraphs modified (MOD, when most of
/// their words remain), suppressed (SUP) and added (ADD after the base paragraph that precedes them). Applying the
/// changes to the base (<see cref="ProvisionChanges.Apply"/>) gives the proposal exactly.
/// </summary>
public static class ProposalDerivation
{
    /// <summary>The share of words two paragraphs must have in common (Dice coefficient) to be one paragraph modified.</summary>
    public const double MinSimilarity = 0.5;

    /// <summary>Above this many paragraph pairs in the changed middle, paragraphs are paired in order (no search).</summary>
    public const long MaxPairs = 1_000_000;

    /// <param name="supReason">The reason given to every suppressed paragraph.</param>
    /// <param name="movedReason">The reason of a suppressed paragraph whose exact text is added elsewhere, given the provision it is added after; null to use <paramref name="supReason"/>.</param>
    public static IReadOnlyList<ProvisionChange> Derive(IReadOnlyList<string> baseParagraphs, IReadOnlyList<string> proposedParagraphs, string supReason,
        Func<int, string>? movedReason = null)
    {
        ArgumentNullException.ThrowIfNull(baseParagraphs);
        ArgumentNullException.ThrowIfNull(proposedParagraphs);
        var ops = Align(baseParagraphs, proposedParagraphs);
        var changes = new List<ProvisionChange>();
        var lastBase = 0;
        foreach (var (kind, i, j) in ops)
        {
            switch (kind)
            {
                case Op.Keep:
                    lastBase = i + 1;
                    break;
                case Op.Mod:
                    lastBase = i + 1;
                    changes.Add(new ProvisionChange(ProvisionAction.Mod, i + 1, proposedParagraphs[j]));
                    break;
                case Op.Sup:
                    lastBase = i + 1;
                    changes.Add(new ProvisionChange(ProvisionAction.Sup, i + 1, null, supReason));
                    break;
                default:
                    changes.Add(new ProvisionChange(ProvisionAction.Add, lastBase, proposedParagraphs[j]));
                    break;
            }
        }
        if (movedReason is null) return changes;
        var added = changes.Where(c => c.Action == ProvisionAction.Add)
            .GroupBy(c => c.Text!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Provision, StringComparer.Ordinal);
        return changes.Select(c => c.Action == ProvisionAction.Sup && added.TryGetValue(baseParagraphs[c.Provision - 1], out var to)
            ? c with { Reason = movedReason(to) }
            : c).ToList();
    }

    private enum Op
    {
        Keep,
        Mod,
        Sup,
        Add,
    }

    /// <summary>An order-preserving alignment that maximizes exact matches first, then the similarity of modified pairs.</summary>
    private static List<(Op Kind, int Base, int New)> Align(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var ops = new List<(Op, int, int)>();
        int start = 0, endA = a.Count, endB = b.Count;
        while (start < endA && start < endB && string.Equals(a[start], b[start], StringComparison.Ordinal)) start++;
        while (endA > start && endB > start && string.Equals(a[endA - 1], b[endB - 1], StringComparison.Ordinal))
        {
            endA--;
            endB--;
        }
        for (var k = 0; k < start; k++) ops.Add((Op.Keep, k, k));
        int n = endA - start, m = endB - start;
        if ((long)n * m > MaxPairs)
        {
            for (var k = 0; k < Math.Max(n, m); k++)
            {
                if (k < n && k < m) ops.Add((string.Equals(a[start + k], b[start + k], StringComparison.Ordinal) ? Op.Keep : Op.Mod, start + k, start + k));
                else if (k < n) ops.Add((Op.Sup, start + k, -1));
                else ops.Add((Op.Add, -1, start + k));
            }
        }
        else if (n > 0 || m > 0)
        {
            var bagsA = Enumerable.Range(start, n).Select(i => Bag(a[i])).ToArray();
            var bagsB = Enumerable.Range(start, m).Select(j => Bag(b[j])).ToArray();
            // score[i, j]: best total over a[start+i..] and b[start+j..]; exact pairs weigh 2, similar pairs their similarity.
            var score = new double[n + 1, m + 1];
            var weight = new double[n, m];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    var w = string.Equals(a[start + i], b[start + j], StringComparison.Ordinal) ? 2.0 : Similarity(bagsA[i], bagsB[j]);
                    weight[i, j] = w >= MinSimilarity ? w : double.NegativeInfinity;
                    var best = Math.Max(score[i + 1, j], score[i, j + 1]);
                    if (weight[i, j] > 0) best = Math.Max(best, score[i + 1, j + 1] + weight[i, j]);
                    score[i, j] = best;
                }
            }
            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && weight[x, y] > 0 && score[x, y] == score[x + 1, y + 1] + weight[x, y])
                {
                    ops.Add((weight[x, y] == 2.0 && string.Equals(a[start + x], b[start + y], StringComparison.Ordinal) ? Op.Keep : Op.Mod, start + x, start + y));
                    x++;
                    y++;
                }
                else if (x < n && (y == m || score[x, y] == score[x + 1, y]))
                {
                    ops.Add((Op.Sup, start + x, -1));
                    x++;
                }
                else
                {
                    ops.Add((Op.Add, -1, start + y));
                    y++;
                }
            }
        }
        for (int i = endA, j = endB; i < a.Count; i++, j++) ops.Add((Op.Keep, i, j));
        return ops;
    }

    private static Dictionary<string, int> Bag(string paragraph)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.ToLowerInvariant();
            bag[w] = bag.GetValueOrDefault(w) + 1;
        }
        return bag;
    }

    private static double Similarity(Dictionary<string, int> x, Dictionary<string, int> y)
    {
        int total = 0, common = 0;
        foreach (var c in x.Values) total += c;
        foreach (var c in y.Values) total += c;
        if (total == 0) return 1;
        var (small, large) = x.Count <= y.Count ? (x, y) : (y, x);
        foreach (var (w, c) in small)
        {
            if (large.TryGetValue(w, out var d)) common += Math.Min(c, d);
        }
        return 2.0 * common / total;
    }
}

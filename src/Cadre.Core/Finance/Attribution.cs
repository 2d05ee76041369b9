namespace Cadre.Core.Finance;

/// <summary>How one unit's resources are spread over plan elements: shares by percentage or by a driver such as staff time.</summary>
/// <param name="Unit">The unit (e.g. ITU-D).</param>
/// <param name="AmountMinor">The unit's resources in minor units (centimes), exact.</param>
/// <param name="Keys">Element id → share. Percentages must total 100; drivers may be any non-negative numbers.</param>
public sealed record AttributionKey(string Unit, long AmountMinor, IReadOnlyDictionary<int, decimal> Keys);

public sealed record AttributionResult(
    /// <summary>Unit → element → amount in minor units. Each unit's row sums exactly to its amount.</summary>
    IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>> Matrix,
    /// <summary>Element → the total attributed to it by all units.</summary>
    IReadOnlyDictionary<int, long> ByElement,
    /// <summary>Units whose keys are empty or all zero: nothing of theirs could be attributed.</summary>
    IReadOnlyList<string> Unattributed);

/// <summary>
/// Attribution of resources to plan elements (Resolution 71, Appendix A), as a pure function. Shares are
/// turned into amounts with the largest-remainder method, so that the parts always add up exactly to the
/// whole: each element gets the floor of its exact share, and the centimes left over go one by one to the
/// largest remainders (ties by element id, so the result is deterministic).
/// </summary>
public static class Attribution
{
    /// <summary>True when percentage keys total exactly 100.</summary>
    public static bool IsComplete(IReadOnlyDictionary<int, decimal> percentages) => percentages.Values.Sum() == 100m;

    public static AttributionResult Compute(IEnumerable<AttributionKey> keys)
    {
        var matrix = new Dictionary<string, IReadOnlyDictionary<int, long>>();
        var byElement = new Dictionary<int, long>();
        var unattributed = new List<string>();
        foreach (var key in keys)
        {
            if (key.AmountMinor < 0) throw new ArgumentException($"The amount of {key.Unit} is negative.", nameof(keys));
            if (key.Keys.Values.Any(v => v < 0)) throw new ArgumentException($"A share of {key.Unit} is negative.", nameof(keys));
            var row = Split(key.AmountMinor, key.Keys);
            if (row.Count == 0 && key.AmountMinor != 0) unattributed.Add(key.Unit);
            matrix[key.Unit] = row;
            foreach (var (element, amount) in row) byElement[element] = byElement.GetValueOrDefault(element) + amount;
        }
        return new AttributionResult(matrix, byElement, unattributed);
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/>, exactly.</summary>
    public static IReadOnlyDictionary<int, long> Split(long total, IReadOnlyDictionary<int, decimal> weights)
    {
        var positive = weights.Where(w => w.Value > 0).OrderBy(w => w.Key).ToList();
        var sum = positive.Sum(w => w.Value);
        var result = new Dictionary<int, long>();
        if (sum == 0) return result;
        var remainders = new List<(int Element, decimal Remainder)>(positive.Count);
        long given = 0;
        foreach (var (element, weight) in positive)
        {
            var exact = total * weight / sum;
            var floor = (long)decimal.Floor(exact);
            result[element] = floor;
            given += floor;
            remainders.Add((element, exact - floor));
        }
        var left = total - given;
        foreach (var (element, _) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Element))
        {
            if (left == 0) break;
            result[element]++;
            left--;
        }
        return result;
    }

    /// <summary>Totals per ancestor (e.g. per strategic goal): each element's amount counted at every ancestor and itself.</summary>
    public static IReadOnlyDictionary<int, long> RollUp(IReadOnlyDictionary<int, long> byElement, IReadOnlyDictionary<int, int?> parentOf)
    {
        var totals = new Dictionary<int, long>();
        foreach (var (element, amount) in byElement)
        {
            var seen = new HashSet<int>();
            int? current = element;
            while (current is int c && seen.Add(c))
            {
                totals[c] = totals.GetValueOrDefault(c) + amount;
                current = parentOf.GetValueOrDefault(c);
            }
        }
        return totals;
    }

    /// <summary>
    /// Totals per strategic goal. Each element's amount goes to the nearest goal above it (or itself); an
    /// amount under a top-level element that is not a goal (a thematic priority, an enabler) is split over the
    /// goals by that element's <paramref name="goalShares"/> (percent), exactly as <see cref="Split"/> does; what
    /// has neither is left unassigned, per top-level element. The goals and the unassigned amounts add up
    /// exactly to the total of <paramref name="byElement"/>.
    /// </summary>
    public static GoalTotals ByGoal(IReadOnlyDictionary<int, long> byElement, IReadOnlyDictionary<int, int?> parentOf, IReadOnlySet<int> goals,
        IReadOnlyDictionary<int, IReadOnlyDictionary<int, decimal>> goalShares)
    {
        ArgumentNullException.ThrowIfNull(byElement);
        ArgumentNullException.ThrowIfNull(parentOf);
        ArgumentNullException.ThrowIfNull(goals);
        ArgumentNullException.ThrowIfNull(goalShares);
        var perTop = new Dictionary<int, long>();
        foreach (var (element, amount) in byElement)
        {
            var seen = new HashSet<int>();
            var current = element;
            while (!goals.Contains(current) && parentOf.GetValueOrDefault(current) is int parent && seen.Add(current)) current = parent;
            perTop[current] = perTop.GetValueOrDefault(current) + amount;
        }
        var byGoal = goals.ToDictionary(g => g, _ => 0L);
        var unassigned = new Dictionary<int, long>();
        foreach (var (top, amount) in perTop.OrderBy(p => p.Key))
        {
            if (goals.Contains(top)) byGoal[top] += amount;
            else if (goalShares.TryGetValue(top, out var shares) && shares.Any(s => s.Value > 0 && goals.Contains(s.Key)))
            {
                foreach (var (goal, part) in Split(amount, shares.Where(s => goals.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value))) byGoal[goal] += part;
            }
            else unassigned[top] = unassigned.GetValueOrDefault(top) + amount;
        }
        return new GoalTotals(byGoal, unassigned);
    }
}

/// <summary>The attribution totalled per strategic goal (minor units), and what no goal received, per top-level element.</summary>
public sealed record GoalTotals(IReadOnlyDictionary<int, long> ByGoal, IReadOnlyDictionary<int, long> Unassigned);

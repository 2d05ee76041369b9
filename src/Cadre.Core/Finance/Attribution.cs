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
}

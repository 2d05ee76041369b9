using Cadre.Core.Finance;
using CsCheck;

namespace Cadre.Core.Tests.Finance;

/// <summary>
/// Totals per strategic goal. A plan of two goals (1, 2) with children (11, 21), and three priorities (3, 4, 5) with
/// outcomes (31, 41, 51); priorities 3 and 4 have goal shares, 5 has none.
/// </summary>
public sealed class GoalTotalsTests
{
    private static readonly Dictionary<int, int?> Parents = new()
    {
        [1] = null, [2] = null, [3] = null, [4] = null, [5] = null, [11] = 1, [21] = 2, [31] = 3, [41] = 4, [51] = 5,
    };

    private static readonly HashSet<int> Goals = [1, 2];

    private static readonly Gen<Dictionary<int, long>> Amounts =
        Gen.Long[0, 10_000_000_000L].Array[Parents.Count].Select(a => Parents.Keys.Select((k, i) => (k, a[i])).ToDictionary(x => x.k, x => x.Item2));

    private static readonly Gen<Dictionary<int, IReadOnlyDictionary<int, decimal>>> Shares =
        Gen.Select(Gen.Int[0, 100], Gen.Int[0, 100]).Select((a, b) => new Dictionary<int, IReadOnlyDictionary<int, decimal>>
        {
            [3] = new Dictionary<int, decimal> { [1] = a, [2] = 100 - a },
            [4] = new Dictionary<int, decimal> { [1] = b, [2] = 100 - b },
        });

    [Fact]
    public void Goals_and_unassigned_amounts_always_sum_exactly_to_the_whole()
    {
        Gen.Select(Amounts, Shares).Sample((amounts, shares) =>
        {
            var t = Attribution.ByGoal(amounts, Parents, Goals, shares);
            return t.ByGoal.Values.Sum() + t.Unassigned.Values.Sum() == amounts.Values.Sum();
        });
    }

    [Fact]
    public void A_priority_without_shares_gives_nothing_to_any_goal_and_is_reported_whole()
    {
        Gen.Select(Amounts, Shares).Sample((amounts, shares) =>
        {
            var t = Attribution.ByGoal(amounts, Parents, Goals, shares);
            var underFive = amounts[5] + amounts[51];
            return t.Unassigned.GetValueOrDefault(5) == underFive && t.Unassigned.Keys.All(k => k == 5);
        });
    }

    [Fact]
    public void What_is_under_a_goal_stays_with_that_goal()
    {
        var t = Attribution.ByGoal(new Dictionary<int, long> { [11] = 700, [2] = 300 }, Parents, Goals, new Dictionary<int, IReadOnlyDictionary<int, decimal>>());
        Assert.Equal(700, t.ByGoal[1]);
        Assert.Equal(300, t.ByGoal[2]);
        Assert.Empty(t.Unassigned);
    }

    [Fact]
    public void A_priority_split_by_thirds_adds_up_to_the_centime()
    {
        var shares = new Dictionary<int, IReadOnlyDictionary<int, decimal>> { [3] = new Dictionary<int, decimal> { [1] = 33.3333m, [2] = 66.6667m } };
        var t = Attribution.ByGoal(new Dictionary<int, long> { [31] = 100 }, Parents, Goals, shares);
        Assert.Equal(33, t.ByGoal[1]);
        Assert.Equal(67, t.ByGoal[2]);
    }

    [Fact]
    public void Computing_twice_gives_the_same_totals()
    {
        Gen.Select(Amounts, Shares).Sample((amounts, shares) =>
        {
            var a = Attribution.ByGoal(amounts, Parents, Goals, shares);
            var b = Attribution.ByGoal(amounts, Parents, Goals, shares);
            return a.ByGoal.All(g => b.ByGoal[g.Key] == g.Value) && a.Unassigned.Count == b.Unassigned.Count;
        });
    }
}

using Cadre.Core.Planning;
using CsCheck;

namespace Cadre.Core.Tests.Planning;

public sealed class TreeRulesTests
{
    // goal ─┬─ target         priority ── outcome ── output
    //       └─ target ── (none)
    private static readonly Dictionary<string, LevelRule> Levels = new()
    {
        ["goal"] = new("goal", true, []),
        ["target"] = new("target", false, ["goal"]),
        ["priority"] = new("priority", true, []),
        ["outcome"] = new("outcome", false, ["priority"]),
        ["output"] = new("output", false, ["outcome"]),
    };

    private static readonly Dictionary<int, TreeNode> Tree = new TreeNode[]
    {
        new(1, null, "goal", 0, "1"),
        new(2, 1, "target", 0, "1.1"),
        new(3, 1, "target", 1, "1.2"),
        new(4, null, "priority", 1, "P"),
        new(5, 4, "outcome", 0, "P.1"),
        new(6, 5, "output", 0, "P.1.a"),
        new(7, null, "goal", 2, "2"),
    }.ToDictionary(n => n.Id);

    [Fact]
    public void Moving_an_element_under_itself_is_refused() =>
        Assert.Equal(MoveVerdict.UnderItself, TreeRules.CheckMove(Tree, Levels, 4, 4));

    [Theory]
    [InlineData(4, 5)]
    [InlineData(4, 6)]
    [InlineData(1, 2)]
    public void Moving_an_element_under_its_own_descendant_is_refused(int element, int newParent) =>
        Assert.Equal(MoveVerdict.UnderDescendant, TreeRules.CheckMove(Tree, Levels, element, newParent));

    [Fact]
    public void Moving_under_a_parent_of_an_allowed_level_is_allowed()
    {
        Assert.Equal(MoveVerdict.Allowed, TreeRules.CheckMove(Tree, Levels, 2, 7));
        Assert.Equal(MoveVerdict.Allowed, TreeRules.CheckMove(Tree, Levels, 1, null));
    }

    [Fact]
    public void A_level_not_allowed_under_the_new_parent_is_refused()
    {
        Assert.Equal(MoveVerdict.LevelNotAllowedUnderParent, TreeRules.CheckMove(Tree, Levels, 2, 4));
        Assert.Equal(MoveVerdict.LevelNotAllowedUnderParent, TreeRules.CheckMove(Tree, Levels, 6, 1));
        Assert.Equal(MoveVerdict.LevelNotAllowedAtRoot, TreeRules.CheckMove(Tree, Levels, 5, null));
    }

    [Fact]
    public void Levels_say_where_they_may_sit()
    {
        Assert.True(TreeRules.CanSitUnder(Levels["goal"], null));
        Assert.False(TreeRules.CanSitUnder(Levels["target"], null));
        Assert.True(TreeRules.CanSitUnder(Levels["target"], "goal"));
        Assert.False(TreeRules.CanSitUnder(Levels["target"], "priority"));
        Assert.False(TreeRules.CanSitUnder(Levels["output"], "Outcome"));
    }

    [Fact]
    public void Flatten_lists_the_tree_depth_first_with_siblings_in_sort_order()
    {
        var flat = TreeRules.Flatten(Tree.Values.Reverse());
        Assert.Equal(["1", "1.1", "1.2", "P", "P.1", "P.1.a", "2"], flat.Select(x => x.Node.Code));
        Assert.Equal([0, 1, 1, 0, 1, 2, 0], flat.Select(x => x.Depth));
    }

    [Fact]
    public void Flatten_breaks_sort_order_ties_by_code()
    {
        var flat = TreeRules.Flatten([new(1, null, "goal", 0, "B"), new(2, null, "goal", 0, "A"), new(3, null, "goal", 0, "C")]);
        Assert.Equal(["A", "B", "C"], flat.Select(x => x.Node.Code));
    }

    [Fact]
    public void Subtree_holds_the_element_and_everything_below_it() =>
        Assert.Equal([4, 5, 6], TreeRules.Subtree(Tree.Values, 4));

    [Fact]
    public void Reorder_places_the_moved_element_and_renumbers_its_siblings()
    {
        var siblings = new[] { Tree[1], Tree[4], Tree[7] };
        Assert.Equal([(7, 0), (1, 1), (4, 2)], TreeRules.Reorder(siblings, 7, 0));
        Assert.Equal([(4, 0), (1, 1), (7, 2)], TreeRules.Reorder(siblings, 1, 1));
        Assert.Equal([(4, 0), (7, 1), (1, 2)], TreeRules.Reorder(siblings, 1, null));
        Assert.Equal([(4, 0), (7, 1), (1, 2)], TreeRules.Reorder(siblings, 1, 99));
        Assert.Equal([(1, 0), (4, 1), (7, 2)], TreeRules.Reorder(siblings, 1, -5));
    }

    [Fact]
    public void IsDescendant_follows_parents_only()
    {
        Assert.True(TreeRules.IsDescendant(Tree, 6, 4));
        Assert.False(TreeRules.IsDescendant(Tree, 4, 6));
        Assert.False(TreeRules.IsDescendant(Tree, 4, 4));
        Assert.False(TreeRules.IsDescendant(Tree, 7, 1));
    }

    /// <summary>A random forest: node i's parent is a node created before it, or none.</summary>
    private static readonly Gen<List<TreeNode>> Forest =
        Gen.Int[0, 60].SelectMany(n => Gen.Select(Gen.Int[0, 1000].Array[n], Gen.Int[0, 4].Array[n], (parents, sorts) =>
        {
            var nodes = new List<TreeNode>(n);
            for (var i = 0; i < n; i++)
            {
                var p = parents[i] % (i + 1);
                nodes.Add(new TreeNode(i + 1, p == i ? null : p + 1, "goal", sorts[i], $"c{parents[i] % 7}"));
            }
            nodes.Reverse();
            return nodes;
        }));

    [Fact]
    public void Flatten_returns_each_node_once_with_every_child_after_its_parent() =>
        Forest.Sample(nodes =>
        {
            var flat = TreeRules.Flatten(nodes);
            Assert.Equal(nodes.Select(n => n.Id).Order(), flat.Select(x => x.Node.Id).Order());
            var position = flat.Select((x, i) => (x.Node.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var depth = flat.ToDictionary(x => x.Node.Id, x => x.Depth);
            foreach (var node in nodes.Where(n => n.ParentId is not null))
            {
                Assert.True(position[node.ParentId!.Value] < position[node.Id]);
                Assert.Equal(depth[node.ParentId.Value] + 1, depth[node.Id]);
            }
        }, iter: 500);

    [Fact]
    public void Flatten_keeps_each_subtree_contiguous() =>
        Forest.Sample(nodes =>
        {
            var flat = TreeRules.Flatten(nodes).Select(x => x.Node.Id).ToList();
            foreach (var node in nodes)
            {
                var subtree = TreeRules.Subtree(nodes, node.Id);
                var start = flat.IndexOf(node.Id);
                Assert.Equal(subtree.Order(), flat.Skip(start).Take(subtree.Count).Order());
            }
        }, iter: 200);

    [Fact]
    public void Reorder_yields_a_permutation_with_contiguous_sort_orders() =>
        Gen.Select(Gen.Int[0, 6].Array[1, 30], Gen.Int[-3, 40], Gen.Int[0, 29]).Sample((sorts, position, pick) =>
        {
            var siblings = sorts.Select((s, i) => new TreeNode(i + 1, null, "goal", s, $"c{i}")).ToList();
            var moved = siblings[pick % siblings.Count].Id;
            var order = TreeRules.Reorder(siblings, moved, position);
            Assert.Equal(siblings.Select(s => s.Id).Order(), order.Select(o => o.Id).Order());
            Assert.Equal(Enumerable.Range(0, siblings.Count), order.Select(o => o.SortOrder));
            Assert.Equal(Math.Clamp(position, 0, siblings.Count - 1), order.Single(o => o.Id == moved).SortOrder);
        }, iter: 500);

    [Fact]
    public void A_move_is_allowed_exactly_when_the_new_parent_is_outside_the_subtree_and_the_levels_fit() =>
        Gen.Select(Forest.Where(f => f.Count > 0), Gen.Int[0, 1000], Gen.Int[0, 1000]).Sample((nodes, a, b) =>
        {
            var tree = nodes.ToDictionary(n => n.Id);
            var rules = new Dictionary<string, LevelRule> { ["goal"] = new("goal", true, ["goal"]) };
            var element = nodes[a % nodes.Count].Id;
            int? parent = b % (nodes.Count + 1) == nodes.Count ? null : nodes[b % (nodes.Count + 1)].Id;
            var verdict = TreeRules.CheckMove(tree, rules, element, parent);
            var inSubtree = parent is int p && TreeRules.Subtree(nodes, element).Contains(p);
            Assert.Equal(!inSubtree, verdict == MoveVerdict.Allowed);
        }, iter: 500);
}

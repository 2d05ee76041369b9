namespace Cadre.Core.Planning;

/// <summary>A node of a plan's tree as the rules see it: no database, no text.</summary>
public readonly record struct TreeNode(int Id, int? ParentId, string LevelCode, int SortOrder, string Code);

/// <summary>A level's nesting rule: where an element of this level may sit.</summary>
public sealed record LevelRule(string Code, bool AllowedAtRoot, IReadOnlyCollection<string> AllowedParents);

public enum MoveVerdict
{
    Allowed,
    UnderItself,
    UnderDescendant,
    LevelNotAllowedUnderParent,
    LevelNotAllowedAtRoot,
}

/// <summary>
/// The rules of a plan's element tree, as pure functions: which level may sit under which,
/// no cycles, and the depth-first order in which a tree is shown.
/// </summary>
public static class TreeRules
{
    public static bool CanSitUnder(LevelRule child, string? parentLevelCode) =>
        parentLevelCode is null ? child.AllowedAtRoot : child.AllowedParents.Contains(parentLevelCode, StringComparer.Ordinal);

    /// <summary>Decides whether <paramref name="elementId"/> may move under <paramref name="newParentId"/> (null: the root).</summary>
    public static MoveVerdict CheckMove(
        IReadOnlyDictionary<int, TreeNode> nodes,
        IReadOnlyDictionary<string, LevelRule> levels,
        int elementId,
        int? newParentId)
    {
        var node = nodes[elementId];
        if (newParentId == elementId) return MoveVerdict.UnderItself;
        if (newParentId is int p && IsDescendant(nodes, p, elementId)) return MoveVerdict.UnderDescendant;
        var rule = levels[node.LevelCode];
        if (newParentId is null) return rule.AllowedAtRoot ? MoveVerdict.Allowed : MoveVerdict.LevelNotAllowedAtRoot;
        return CanSitUnder(rule, nodes[newParentId.Value].LevelCode) ? MoveVerdict.Allowed : MoveVerdict.LevelNotAllowedUnderParent;
    }

    /// <summary>True when <paramref name="candidate"/> lies strictly below <paramref name="ancestor"/>.</summary>
    public static bool IsDescendant(IReadOnlyDictionary<int, TreeNode> nodes, int candidate, int ancestor)
    {
        var seen = new HashSet<int>();
        int? current = nodes.TryGetValue(candidate, out var n) ? n.ParentId : null;
        while (current is int c)
        {
            if (c == ancestor) return true;
            if (!seen.Add(c)) throw new InvalidOperationException("The tree contains a cycle.");
            current = nodes.TryGetValue(c, out var parent) ? parent.ParentId : null;
        }
        return false;
    }

    /// <summary>The element and everything below it, parents before children.</summary>
    public static IReadOnlyList<int> Subtree(IEnumerable<TreeNode> nodes, int rootId)
    {
        var children = ChildrenByParent(nodes);
        var result = new List<int>();
        var stack = new Stack<int>();
        stack.Push(rootId);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            result.Add(id);
            if (children.TryGetValue(id, out var kids))
            {
                for (var i = kids.Count - 1; i >= 0; i--) stack.Push(kids[i].Id);
            }
        }
        return result;
    }

    /// <summary>Depth-first order with depths, siblings by sort order then code; the order the tree is shown in.</summary>
    public static IReadOnlyList<(TreeNode Node, int Depth)> Flatten(IEnumerable<TreeNode> nodes)
    {
        var list = nodes.ToList();
        var children = ChildrenByParent(list);
        var ids = list.Select(n => n.Id).ToHashSet();
        var result = new List<(TreeNode, int)>(list.Count);
        var roots = list.Where(n => n.ParentId is null || !ids.Contains(n.ParentId.Value)).OrderBy(n => n.SortOrder).ThenBy(n => n.Code, StringComparer.Ordinal).ToList();
        var stack = new Stack<(TreeNode, int)>();
        for (var i = roots.Count - 1; i >= 0; i--) stack.Push((roots[i], 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            result.Add((node, depth));
            if (children.TryGetValue(node.Id, out var kids))
            {
                for (var i = kids.Count - 1; i >= 0; i--) stack.Push((kids[i], depth + 1));
            }
        }
        return result;
    }

    /// <summary>
    /// Sort orders for the siblings after <paramref name="movedId"/> is placed at <paramref name="position"/>
    /// (0-based; past the end means last). Returns the new order of every sibling, 0, 1, 2...
    /// </summary>
    public static IReadOnlyList<(int Id, int SortOrder)> Reorder(IEnumerable<TreeNode> siblings, int movedId, int? position)
    {
        var ordered = siblings.Where(s => s.Id != movedId).OrderBy(s => s.SortOrder).ThenBy(s => s.Code, StringComparer.Ordinal).Select(s => s.Id).ToList();
        var at = position is int p ? Math.Clamp(p, 0, ordered.Count) : ordered.Count;
        ordered.Insert(at, movedId);
        return ordered.Select((id, i) => (id, i)).ToList();
    }

    private static Dictionary<int, List<TreeNode>> ChildrenByParent(IEnumerable<TreeNode> nodes)
    {
        var d = new Dictionary<int, List<TreeNode>>();
        foreach (var n in nodes)
        {
            if (n.ParentId is not int p) continue;
            if (!d.TryGetValue(p, out var list)) d[p] = list = [];
            list.Add(n);
        }
        foreach (var list in d.Values) list.Sort((a, b) => a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : string.CompareOrdinal(a.Code, b.Code));
        return d;
    }
}

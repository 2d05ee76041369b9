using Cadre.Core.Planning;

namespace Cadre.Web.Pages.Planning;

/// <summary>Vocabulary entries in hierarchy order (an SDG goal, then its targets), with depths.</summary>
public static class EntryTree
{
    public static IReadOnlyList<(EntryInfo Entry, int Depth)> Flatten(IReadOnlyList<EntryInfo> entries)
    {
        var ids = entries.Select(e => e.Id).ToHashSet();
        var children = entries.Where(e => e.ParentEntryId is int p && ids.Contains(p)).ToLookup(e => e.ParentEntryId!.Value);
        var result = new List<(EntryInfo, int)>(entries.Count);
        var seen = new HashSet<int>();
        void Visit(EntryInfo e, int depth)
        {
            if (!seen.Add(e.Id)) return;
            result.Add((e, depth));
            foreach (var c in children[e.Id]) Visit(c, depth + 1);
        }
        foreach (var root in entries.Where(e => e.ParentEntryId is not int p || !ids.Contains(p))) Visit(root, 0);
        // Entries caught in a cycle of parents are still shown.
        foreach (var e in entries.Where(e => !seen.Contains(e.Id))) Visit(e, 0);
        return result;
    }
}

namespace Cadre.Core.Planning;

/// <summary>
/// The traceability matrix of a plan against one vocabulary, as a pure computation:
/// which elements address which entries, and the gaps on both sides.
/// </summary>
public static class Coverage
{
    public sealed record Result(
        IReadOnlyList<int> ElementIds,
        IReadOnlyList<int> EntryIds,
        IReadOnlySet<(int ElementId, int EntryId)> Cells,
        IReadOnlyList<int> ElementsWithoutLinks,
        IReadOnlyList<int> EntriesNotAddressed,
        double ElementCoverage,
        double EntryCoverage);

    /// <param name="elementIds">The plan's elements, in display order.</param>
    /// <param name="entryIds">The vocabulary's entries, in display order.</param>
    /// <param name="links">Element-to-entry links (others are ignored).</param>
    public static Result Compute(IReadOnlyList<int> elementIds, IReadOnlyList<int> entryIds, IEnumerable<(int ElementId, int EntryId)> links)
    {
        var elements = elementIds.ToHashSet();
        var entries = entryIds.ToHashSet();
        var cells = links.Where(l => elements.Contains(l.ElementId) && entries.Contains(l.EntryId)).ToHashSet();
        var linkedElements = cells.Select(c => c.ElementId).ToHashSet();
        var addressedEntries = cells.Select(c => c.EntryId).ToHashSet();
        var withoutLinks = elementIds.Where(e => !linkedElements.Contains(e)).ToList();
        var notAddressed = entryIds.Where(e => !addressedEntries.Contains(e)).ToList();
        return new Result(
            elementIds,
            entryIds,
            cells,
            withoutLinks,
            notAddressed,
            elementIds.Count == 0 ? 0 : (double)(elementIds.Count - withoutLinks.Count) / elementIds.Count,
            entryIds.Count == 0 ? 0 : (double)(entryIds.Count - notAddressed.Count) / entryIds.Count);
    }
}

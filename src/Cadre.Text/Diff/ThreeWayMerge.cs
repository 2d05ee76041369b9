using System.Text;

namespace Cadre.Text.Diff;

/// <summary>A proposal to merge: who proposed it (e.g. the Member) and its full text.</summary>
public sealed record MergeSide(string Label, string Text);

/// <summary>One side's text for a conflicting region.</summary>
public sealed record ConflictVersion(string Label, string Text);

/// <summary>Changes of several sides that touch the same words of the base, with each side's version of that region.</summary>
public sealed record MergeConflict(int Index, int BaseStart, string BaseText, IReadOnlyList<ConflictVersion> Versions);

public enum MergeChunkKind
{
    Unchanged,
    Changed,
    Conflict,
}

/// <summary>
/// A piece of the merge: base text nobody changed, text changed by <see cref="Labels"/> (one side, or several
/// identically), or a conflict (then <see cref="Text"/> is the base text of the region).
/// </summary>
public sealed record MergeChunk(MergeChunkKind Kind, string Text, IReadOnlyList<string> Labels, MergeConflict? Conflict = null);

public sealed class MergeResult(IReadOnlyList<MergeChunk> chunks)
{
    public IReadOnlyList<MergeChunk> Chunks { get; } = chunks;

    public IReadOnlyList<MergeConflict> Conflicts { get; } = chunks.Where(c => c.Conflict is not null).Select(c => c.Conflict!).ToList();

    public bool HasConflicts => Conflicts.Count > 0;

    /// <summary>The merged text; throws <see cref="MergeConflictException"/> when there are conflicts.</summary>
    public string MergedText => HasConflicts
        ? throw new MergeConflictException(Conflicts.Count)
        : Resolve(static _ => throw new InvalidOperationException("unreachable"));

    /// <summary>The merged text with each conflict replaced by what <paramref name="resolve"/> returns for it (a side's version or an edit).</summary>
    public string Resolve(Func<MergeConflict, string> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        var sb = new StringBuilder();
        foreach (var chunk in Chunks)
        {
            sb.Append(chunk.Conflict is null ? chunk.Text : resolve(chunk.Conflict));
        }
        return sb.ToString();
    }
}

public sealed class MergeConflictException(int conflicts)
    : InvalidOperationException($"The merge has {conflicts} conflict(s) to resolve first.")
{
    public int ConflictCount { get; } = conflicts;
}

/// <summary>
/// Word-level merge of proposals made against the same base: changes that touch different words are
/// combined; changes that overlap (or insert at the same point) are conflicts unless identical.
/// </summary>
/// <remarks>
/// Each proposal is diffed against the base once (<see cref="WordDiff"/>: paragraphs first, then the words of the
/// changed ones, without move detection, so that every change is a replacement of a base range). Each side's
/// changes come out in base order, so they are merged by base position in one pass over all of them, without
/// sorting or any step quadratic in the number of changes. Long texts are diffed on several threads, one per side;
/// the result does not depend on it.
/// </remarks>
public static class ThreeWayMerge
{
    // Without moves (every change replaces a base range), and without re-diffing equal paragraphs between two changed
    // regions: that saves words in a redline but, on a heavily edited text, re-diffs most of it, for each side.
    private static readonly WordDiffOptions DiffOptions = new() { DetectMoves = false, KeepEqualParagraphRuns = true };

    /// <summary>Texts at least this long (in characters) are diffed in parallel, one side per thread.</summary>
    private const int ParallelThreshold = 100_000;

    public static MergeResult Merge(string baseText, string ours, string theirs, string oursLabel = "ours", string theirsLabel = "theirs") =>
        Merge(baseText, [new MergeSide(oursLabel, ours), new MergeSide(theirsLabel, theirs)]);

    public static MergeResult Merge(string baseText, IReadOnlyList<MergeSide> sides)
    {
        ArgumentNullException.ThrowIfNull(baseText);
        ArgumentNullException.ThrowIfNull(sides);
        var perSide = new List<Change>[sides.Count];
        if (sides.Count > 1 && baseText.Length >= ParallelThreshold)
        {
            Parallel.For(0, sides.Count, s => perSide[s] = ChangesOf(WordDiff.Compare(baseText, sides[s].Text, DiffOptions), s));
        }
        else
        {
            for (var s = 0; s < sides.Count; s++)
            {
                perSide[s] = ChangesOf(WordDiff.Compare(baseText, sides[s].Text, DiffOptions), s);
            }
        }

        var chunks = new List<MergeChunk>();
        var conflicts = 0;
        var next = new int[sides.Count];
        var pos = 0;
        var group = new List<Change>();
        while (TryTake(perSide, next, out var first))
        {
            group.Clear();
            group.Add(first);
            var groupStart = first.Start;
            var groupEnd = first.End;
            var lastStart = first.Start;
            while (TryPeek(perSide, next, out var c, out var side) && (c.Start < groupEnd || c.Start == lastStart))
            {
                next[side]++;
                group.Add(c);
                groupEnd = Math.Max(groupEnd, c.End);
                lastStart = c.Start;
            }
            if (groupStart > pos)
            {
                chunks.Add(new MergeChunk(MergeChunkKind.Unchanged, baseText[pos..groupStart], []));
            }
            // The group's changes are in base order; each side's version of the region, in side order.
            var versions = new List<(int Side, string Text)>();
            for (var s = 0; s < sides.Count; s++)
            {
                if (group.Exists(c => c.Side == s))
                {
                    versions.Add((s, ApplyWithin(baseText, groupStart, groupEnd, group, s)));
                }
            }
            var labels = versions.ConvertAll(v => sides[v.Side].Label);
            if (versions.TrueForAll(v => string.Equals(v.Text, versions[0].Text, StringComparison.Ordinal)))
            {
                chunks.Add(new MergeChunk(MergeChunkKind.Changed, versions[0].Text, labels));
            }
            else
            {
                var baseSlice = baseText[groupStart..groupEnd];
                var conflict = new MergeConflict(conflicts++, groupStart, baseSlice,
                    versions.ConvertAll(v => new ConflictVersion(sides[v.Side].Label, v.Text)));
                chunks.Add(new MergeChunk(MergeChunkKind.Conflict, baseSlice, labels, conflict));
            }
            pos = groupEnd;
        }
        if (pos < baseText.Length || chunks.Count == 0)
        {
            chunks.Add(new MergeChunk(MergeChunkKind.Unchanged, baseText[pos..], []));
        }
        return new MergeResult(chunks);
    }

    private readonly record struct Change(int Start, int End, string Replacement, int Side);

    // The next change in base order over all sides: by start, then end, then side (the order a sort would give).
    private static bool TryPeek(List<Change>[] perSide, int[] next, out Change change, out int side)
    {
        side = -1;
        change = default;
        for (var s = 0; s < perSide.Length; s++)
        {
            if (next[s] >= perSide[s].Count)
            {
                continue;
            }
            var c = perSide[s][next[s]];
            if (side < 0 || c.Start < change.Start || (c.Start == change.Start && c.End < change.End))
            {
                change = c;
                side = s;
            }
        }
        return side >= 0;
    }

    private static bool TryTake(List<Change>[] perSide, int[] next, out Change change)
    {
        if (!TryPeek(perSide, next, out change, out var side))
        {
            return false;
        }
        next[side]++;
        return true;
    }

    private static string ApplyWithin(string baseText, int start, int end, List<Change> group, int side)
    {
        var sb = new StringBuilder();
        var pos = start;
        foreach (var c in group)
        {
            if (c.Side != side)
            {
                continue;
            }
            sb.Append(baseText, pos, c.Start - pos).Append(c.Replacement);
            pos = c.End;
        }
        return sb.Append(baseText, pos, end - pos).ToString();
    }

    private static List<Change> ChangesOf(EditScript script, int side)
    {
        var result = new List<Change>();
        var pos = 0;
        var start = -1;
        var replacement = new StringBuilder();
        foreach (var run in script.Runs)
        {
            if (run.Kind == EditKind.Equal)
            {
                if (start >= 0)
                {
                    result.Add(new Change(start, pos, replacement.ToString(), side));
                    start = -1;
                    replacement.Clear();
                }
                pos += run.Text.Length;
                continue;
            }
            if (start < 0)
            {
                start = pos;
            }
            if (run.InBase)
            {
                pos += run.Text.Length;
            }
            if (run.InNew)
            {
                replacement.Append(run.Text);
            }
        }
        if (start >= 0)
        {
            result.Add(new Change(start, pos, replacement.ToString(), side));
        }
        return result;
    }
}

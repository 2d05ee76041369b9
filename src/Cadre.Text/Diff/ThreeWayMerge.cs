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
public static class ThreeWayMerge
{
    private static readonly WordDiffOptions DiffOptions = new() { DetectMoves = false };

    public static MergeResult Merge(string baseText, string ours, string theirs, string oursLabel = "ours", string theirsLabel = "theirs") =>
        Merge(baseText, [new MergeSide(oursLabel, ours), new MergeSide(theirsLabel, theirs)]);

    public static MergeResult Merge(string baseText, IReadOnlyList<MergeSide> sides)
    {
        ArgumentNullException.ThrowIfNull(baseText);
        ArgumentNullException.ThrowIfNull(sides);
        var changes = new List<Change>();
        for (var s = 0; s < sides.Count; s++)
        {
            changes.AddRange(ChangesOf(WordDiff.Compare(baseText, sides[s].Text, DiffOptions), s));
        }
        changes.Sort(static (x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start)
            : x.End != y.End ? x.End.CompareTo(y.End) : x.Side.CompareTo(y.Side));

        var chunks = new List<MergeChunk>();
        var pos = 0;
        var k = 0;
        while (k < changes.Count)
        {
            var group = new List<Change> { changes[k] };
            var groupStart = changes[k].Start;
            var groupEnd = changes[k].End;
            var lastStart = changes[k].Start;
            k++;
            while (k < changes.Count && (changes[k].Start < groupEnd || changes[k].Start == lastStart))
            {
                group.Add(changes[k]);
                groupEnd = Math.Max(groupEnd, changes[k].End);
                lastStart = changes[k].Start;
                k++;
            }
            if (groupStart > pos)
            {
                chunks.Add(new MergeChunk(MergeChunkKind.Unchanged, baseText[pos..groupStart], []));
            }
            var bySide = group.GroupBy(c => c.Side).OrderBy(g => g.Key)
                .Select(g => (Side: g.Key, Text: ApplyWithin(baseText, groupStart, groupEnd, g.ToList()))).ToList();
            var labels = bySide.Select(v => sides[v.Side].Label).ToList();
            if (bySide.Select(v => v.Text).Distinct(StringComparer.Ordinal).Count() == 1)
            {
                chunks.Add(new MergeChunk(MergeChunkKind.Changed, bySide[0].Text, labels));
            }
            else
            {
                var baseSlice = baseText[groupStart..groupEnd];
                var conflict = new MergeConflict(chunks.Count(c => c.Conflict is not null), groupStart, baseSlice,
                    bySide.Select(v => new ConflictVersion(sides[v.Side].Label, v.Text)).ToList());
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

    private static string ApplyWithin(string baseText, int start, int end, List<Change> changes)
    {
        var sb = new StringBuilder();
        var pos = start;
        foreach (var c in changes)
        {
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

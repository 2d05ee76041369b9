using System.Text;

namespace Cadre.Text.Diff;

/// <summary>What a run of an edit script does.</summary>
public enum EditKind
{
    /// <summary>Text in both versions.</summary>
    Equal,
    /// <summary>Text only in the new version.</summary>
    Insert,
    /// <summary>Text only in the base version.</summary>
    Delete,
    /// <summary>Base text that moved elsewhere (paired with <see cref="MoveTo"/> runs of the same move id).</summary>
    MoveFrom,
    /// <summary>New text that came from elsewhere (paired with <see cref="MoveFrom"/> runs of the same move id).</summary>
    MoveTo,
}

/// <summary>A run of text with what happened to it. <paramref name="MoveId"/> is 0 except for moves (1, 2, ...).</summary>
public sealed record EditRun(EditKind Kind, string Text, int MoveId = 0)
{
    /// <summary>True when the run is part of the base text (Equal, Delete, MoveFrom).</summary>
    public bool InBase => Kind is EditKind.Equal or EditKind.Delete or EditKind.MoveFrom;

    /// <summary>True when the run is part of the new text (Equal, Insert, MoveTo).</summary>
    public bool InNew => Kind is EditKind.Equal or EditKind.Insert or EditKind.MoveTo;
}

/// <summary>Counts of word tokens (words and numbers, not whitespace or punctuation).</summary>
public readonly record struct EditCounts(int WordsKept, int WordsInserted, int WordsDeleted, int WordsMoved, int Moves);

/// <summary>
/// The differences between a base text and a new text as a sequence of runs. The base text is the
/// concatenation of the Equal, Delete and MoveFrom runs; the new text of the Equal, Insert and MoveTo runs.
/// </summary>
public sealed class EditScript
{
    private readonly Lazy<EditCounts> _counts;

    public EditScript(IReadOnlyList<EditRun> runs)
    {
        Runs = runs;
        _counts = new Lazy<EditCounts>(() => CountWords(runs));
    }

    private static EditCounts CountWords(IReadOnlyList<EditRun> runs)
    {
        int kept = 0, inserted = 0, deleted = 0, moved = 0;
        var moves = new HashSet<int>();
        foreach (var run in runs)
        {
            var words = Tokenizer.CountWords(run.Text);
            switch (run.Kind)
            {
                case EditKind.Equal: kept += words; break;
                case EditKind.Insert: inserted += words; break;
                case EditKind.Delete: deleted += words; break;
                case EditKind.MoveTo:
                    moved += words;
                    moves.Add(run.MoveId);
                    break;
                default: break;
            }
        }
        return new EditCounts(kept, inserted, deleted, moved, moves.Count);
    }

    public IReadOnlyList<EditRun> Runs { get; }

    /// <summary>Word counts, computed on first use.</summary>
    public EditCounts Counts => _counts.Value;

    /// <summary>True when the two texts are identical.</summary>
    public bool IsUnchanged => Runs.All(r => r.Kind == EditKind.Equal);

    /// <summary>The base text this script was computed from.</summary>
    public string BaseText => Concat(static r => r.InBase);

    /// <summary>The new text this script produces.</summary>
    public string NewText => Concat(static r => r.InNew);

    /// <summary>Applies the script to <paramref name="baseText"/> and returns the new text; the base must be the one the script was computed from.</summary>
    public string Apply(string baseText) => Walk(baseText, static r => r.InBase, static r => r.InNew, "base");

    /// <summary>Undoes the script on <paramref name="newText"/> and returns the base text.</summary>
    public string Revert(string newText) => Walk(newText, static r => r.InNew, static r => r.InBase, "new");

    private string Concat(Func<EditRun, bool> keep)
    {
        var sb = new StringBuilder();
        foreach (var run in Runs)
        {
            if (keep(run))
            {
                sb.Append(run.Text);
            }
        }
        return sb.ToString();
    }

    private string Walk(string input, Func<EditRun, bool> consumes, Func<EditRun, bool> emits, string side)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sb = new StringBuilder(input.Length);
        var pos = 0;
        foreach (var run in Runs)
        {
            if (consumes(run))
            {
                if (string.CompareOrdinal(input, pos, run.Text, 0, run.Text.Length) != 0 || pos + run.Text.Length > input.Length)
                {
                    throw new EditScriptMismatchException($"The {side} text differs from the edit script's at offset {pos}.");
                }
                pos += run.Text.Length;
            }
            if (emits(run))
            {
                sb.Append(run.Text);
            }
        }
        if (pos != input.Length)
        {
            throw new EditScriptMismatchException($"The {side} text is longer than the edit script's ({input.Length} > {pos}).");
        }
        return sb.ToString();
    }
}

/// <summary>Thrown when an edit script is applied to a text it was not computed from.</summary>
public sealed class EditScriptMismatchException(string message) : InvalidOperationException(message);

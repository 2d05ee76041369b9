using System.Text;

namespace Cadre.Text.Diff;

/// <summary>Options of <see cref="WordDiff.Compare"/>.</summary>
public sealed record WordDiffOptions
{
    public static readonly WordDiffOptions Default = new();

    /// <summary>Report paragraphs that moved as moves rather than a deletion plus an insertion.</summary>
    public bool DetectMoves { get; init; } = true;

    /// <summary>Share of words two paragraphs must have in common to count as the same paragraph moved (1.0: exact only).</summary>
    public double MoveSimilarity { get; init; } = 0.9;

    /// <summary>Paragraphs with fewer words are never reported as moved (item labels, empty lines).</summary>
    public int MinMoveWords { get; init; } = 4;

    /// <summary>
    /// Absorb short word-less equalities (a space, ", ") between two changes so that marks read like a human's.
    /// Word counts are unaffected; only whitespace and punctuation between changes are re-marked.
    /// </summary>
    public bool SemanticCleanup { get; init; } = true;

    /// <summary>
    /// For the merge: keep equal runs of paragraphs between two changed regions as they are, instead of diffing them
    /// with the regions to save words. Faster on heavily edited texts; the script stays exact.
    /// </summary>
    internal bool KeepEqualParagraphRuns { get; init; }
}

/// <summary>
/// Word-level comparison: paragraphs are matched first (equal ones kept, moved ones detected), then
/// the words of the changed paragraphs are diffed with Myers' algorithm. Output is deterministic.
/// </summary>
public static class WordDiff
{
    public static EditScript Compare(string baseText, string newText, WordDiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseText);
        ArgumentNullException.ThrowIfNull(newText);
        return new Engine(baseText, newText, options ?? WordDiffOptions.Default).Run();
    }

    /// <summary>Applies <paramref name="script"/> to <paramref name="baseText"/> and returns the new text.</summary>
    public static string Apply(string baseText, EditScript script) => script.Apply(baseText);

    /// <summary>Undoes <paramref name="script"/> on <paramref name="newText"/> and returns the base text.</summary>
    public static string Revert(string newText, EditScript script) => script.Revert(newText);

    private readonly record struct Paragraph(int Start, int End, bool HasBreak);

    private struct Op
    {
        public EditKind Kind;
        public int AStart;
        public int BStart;
        public int Length;
        public int MoveId;
        public bool HasWord;
        public bool HasBreak;
        public bool Absorbed;
        public int TokenId;
    }

    private sealed class Engine
    {
        private readonly string _a;
        private readonly string _b;
        private readonly WordDiffOptions _options;
        private readonly TokenIds _tokenIds;
        private List<EditRun> _runs = [];
        private readonly StringBuilder _pending = new();
        private EditKind _pendingKind;
        private int _pendingMove;
        private int _nextMoveId = 1;

        public Engine(string a, string b, WordDiffOptions options)
        {
            _a = a;
            _b = b;
            _options = options;
            _tokenIds = new TokenIds(a, b);
        }

        public EditScript Run()
        {
            var pa = SplitParagraphs(_a);
            var pb = SplitParagraphs(_b);
            var paragraphIds = new ParagraphIds(pa.Count + pb.Count);
            var ida = IdentifyParagraphs(_a, pa, paragraphIds);
            var idb = IdentifyParagraphs(_b, pb, paragraphIds);
            var deleted = new bool[pa.Count];
            var inserted = new bool[pb.Count];
            AlignParagraphs(ida, idb, paragraphIds.Count, deleted, inserted);

            // Two segmentations of the same alignment. Regions are small: only empty lines between two changes are
            // absorbed, so that diffs stay short and a paragraph that crossed a run can be seen as moved. Clusters
            // also take in the short equal runs of words that may let the word diff keep more words (see
            // AbsorbShortEqualRuns); each cluster is one region or several with equal runs between them.
            var smallDeleted = (bool[])deleted.Clone();
            var smallInserted = (bool[])inserted.Clone();
            AbsorbShortEqualRuns(pa, pb, ida, idb, deleted, inserted, smallDeleted, smallInserted);
            var clusters = Regions(deleted, inserted);
            var regions = Regions(smallDeleted, smallInserted);
            var inside = RegionsInside(clusters, regions);
            if (inside is null)
            {
                // Not expected (every region lies inside a cluster): each cluster is then one region.
                regions = clusters;
                inside = new (int First, int End)[clusters.Count];
                for (var c = 0; c < clusters.Count; c++)
                {
                    inside[c] = (c, c + 1);
                }
            }
            var moves = _options.DetectMoves ? FindMoves(pa, pb, ida, idb, regions) : NoMoves;
            var withMoves = moves.From.Count > 0 ? ChooseMoves(pa, pb, clusters, regions, inside, moves) : null;

            var i = 0;
            for (var c = 0; c < clusters.Count; c++)
            {
                EmitEqualParagraphs(pa, i, clusters[c].A0);
                if ((_plainRuns.Remove(c, out var written) || _viewRuns.Remove(c, out written)))
                {
                    Replay(written);
                }
                else if (withMoves is not null && withMoves[c])
                {
                    EmitCluster(clusters[c], inside[c], pa, pb, regions, moves);
                }
                else
                {
                    EmitClusterPlain(clusters[c], inside[c], pa, pb, regions);
                }
                i = clusters[c].A1;
            }
            EmitEqualParagraphs(pa, i, pa.Count);
            Flush();
            return new EditScript(_runs);
        }

        private static readonly Moves NoMoves = new();

        // The changed regions of an alignment: maximal runs of deleted and inserted paragraphs, in order.
        private static List<(int A0, int A1, int B0, int B1)> Regions(bool[] deleted, bool[] inserted)
        {
            var regions = new List<(int A0, int A1, int B0, int B1)>();
            int i = 0, j = 0;
            while (i < deleted.Length || j < inserted.Length)
            {
                if ((i < deleted.Length && deleted[i]) || (j < inserted.Length && inserted[j]))
                {
                    int a0 = i, b0 = j;
                    while (i < deleted.Length && deleted[i])
                    {
                        i++;
                    }
                    while (j < inserted.Length && inserted[j])
                    {
                        j++;
                    }
                    regions.Add((a0, i, b0, j));
                }
                else
                {
                    i++;
                    j++;
                }
            }
            return regions;
        }

        // The regions inside each cluster (first, end), or null if some region is not inside one cluster with as
        // many equal paragraphs on each side between them.
        private static (int First, int End)[]? RegionsInside(List<(int A0, int A1, int B0, int B1)> clusters, List<(int A0, int A1, int B0, int B1)> regions)
        {
            var inside = new (int First, int End)[clusters.Count];
            var m = 0;
            for (var c = 0; c < clusters.Count; c++)
            {
                var first = m;
                int ea = clusters[c].A0, eb = clusters[c].B0;
                while (m < regions.Count && regions[m].A1 <= clusters[c].A1 && regions[m].B1 <= clusters[c].B1)
                {
                    if (regions[m].A0 < ea || regions[m].A0 - ea != regions[m].B0 - eb)
                    {
                        return null;
                    }
                    (ea, eb) = (regions[m].A1, regions[m].B1);
                    m++;
                }
                if (m == first || clusters[c].A1 - ea != clusters[c].B1 - eb)
                {
                    return null;
                }
                inside[c] = (first, m);
            }
            return m == regions.Count ? inside : null;
        }

        private void EmitEqualParagraphs(List<Paragraph> pa, int from, int to)
        {
            if (to > from)
            {
                Append(EditKind.Equal, _a, pa[from].Start, pa[to - 1].End - pa[from].Start, 0);
            }
        }

        // A cluster as its regions, with the equal paragraphs between them kept.
        private void EmitCluster((int A0, int A1, int B0, int B1) cluster, (int First, int End) inside,
            List<Paragraph> pa, List<Paragraph> pb, List<(int A0, int A1, int B0, int B1)> regions, Moves moves)
        {
            var i = cluster.A0;
            for (var m = inside.First; m < inside.End; m++)
            {
                EmitEqualParagraphs(pa, i, regions[m].A0);
                _trackRegion = m;
                if (_viewRegionRuns.Remove(m, out var written) || _plainRegionRuns.Remove(m, out written))
                {
                    Replay(written);
                }
                else
                {
                    EmitRegion(regions[m], pa, pb, moves);
                }
                i = regions[m].A1;
            }
            EmitEqualParagraphs(pa, i, cluster.A1);
        }

        /// <summary>
        /// Clusters of several regions up to this many characters (both sides) may be diffed at once: every short
        /// text. Longer ones are diffed region by region, as a longer region is cut at its unique words anyway.
        /// </summary>
        private const int MaxAtOnceLength = 2000;

        private static bool MayDiffAtOnce((int A0, int A1, int B0, int B1) cluster, (int First, int End) inside, List<Paragraph> pa, List<Paragraph> pb) =>
            inside.End - inside.First > 1
            && (cluster.A1 > cluster.A0 ? pa[cluster.A1 - 1].End - pa[cluster.A0].Start : 0)
                + (cluster.B1 > cluster.B0 ? pb[cluster.B1 - 1].End - pb[cluster.B0].Start : 0) <= MaxAtOnceLength;

        // A cluster without moves: its regions diffed one by one, or the whole cluster diffed at once when that
        // changes fewer words. Diffing them at once can only keep more words if it matches a word of one region
        // with a word of another; it is tried only when a word deleted in one region is inserted in another (a
        // word found only among one region's changes cannot be matched better than that region's own diff did),
        // and kept only if it is shorter.
        private void EmitClusterPlain((int A0, int A1, int B0, int B1) cluster, (int First, int End) inside,
            List<Paragraph> pa, List<Paragraph> pb, List<(int A0, int A1, int B0, int B1)> regions)
        {
            if (!MayDiffAtOnce(cluster, inside, pa, pb))
            {
                EmitCluster(cluster, inside, pa, pb, regions, NoMoves);
                return;
            }
            var state = SaveOutput();
            var before = _changedWords;
            _track = ++_trackStamp;
            _trackHit = false;
            EmitCluster(cluster, inside, pa, pb, regions, NoMoves);
            _track = 0;
            if (!_trackHit)
            {
                return;
            }
            var separate = _changedWords - before;
            // The cluster diffed at once is counted before it is written: the separate output stays if it is no longer.
            var (aStart, aEnd, bStart, bEnd) = Span(cluster, pa, pb);
            var atOnce = PrepareRegionWithoutMoves(aStart, aEnd, bStart, bEnd);
            if (atOnce < separate)
            {
                RestoreOutput(state);
                EmitPreparedRegion();
            }
        }

        // Moves are kept only where they do not cost words: the clusters that moves link together form groups,
        // and each group is shown with its moves only when that view inserts and deletes no more words than the
        // plain script of the same clusters. Words shown as moved are neither inserted nor deleted, so the view
        // is never longer than the plain script, itself never longer than git's word diff. Returns the clusters
        // shown with moves; the moves of the others are dropped and the rest numbered 1, 2, ... in order.
        private bool[] ChooseMoves(List<Paragraph> pa, List<Paragraph> pb, List<(int A0, int A1, int B0, int B1)> clusters,
            List<(int A0, int A1, int B0, int B1)> regions, (int First, int End)[] inside, Moves moves)
        {
            var clusterOfA = new int[pa.Count];
            var clusterOfB = new int[pb.Count];
            for (var c = 0; c < clusters.Count; c++)
            {
                Array.Fill(clusterOfA, c, clusters[c].A0, clusters[c].A1 - clusters[c].A0);
                Array.Fill(clusterOfB, c, clusters[c].B0, clusters[c].B1 - clusters[c].B0);
            }
            var parent = new Dictionary<int, int>();
            int Find(int c)
            {
                while (parent.TryGetValue(c, out var p) && p != c)
                {
                    c = p;
                }
                return c;
            }
            foreach (var (k, (_, other)) in moves.From)
            {
                int x = Find(clusterOfA[k]), y = Find(clusterOfB[other]);
                parent[x] = x;
                parent[y] = y;
                if (x != y)
                {
                    parent[Math.Max(x, y)] = Math.Min(x, y);
                }
            }
            var groups = new SortedDictionary<int, List<int>>();
            foreach (var c in parent.Keys.Order())
            {
                var root = Find(c);
                if (!groups.TryGetValue(root, out var list))
                {
                    groups[root] = list = [];
                }
                list.Add(c);
            }

            // For each group, the words the view with moves changes minus those the plain script changes. They differ
            // only in the regions that moves leave or reach, except in a cluster the plain script may diff at once
            // (short ones): such a cluster is written both ways aside, and kept to be copied.
            var withMoves = new bool[clusters.Count];
            var main = _runs;
            foreach (var group in groups.Values)
            {
                var delta = 0;
                foreach (var c in group)
                {
                    if (MayDiffAtOnce(clusters[c], inside[c], pa, pb))
                    {
                        delta -= WriteAside(() => EmitClusterPlain(clusters[c], inside[c], pa, pb, regions), out var plain);
                        delta += WriteAside(() => EmitCluster(clusters[c], inside[c], pa, pb, regions, moves), out var view);
                        _plainRuns[c] = plain;
                        _viewRuns[c] = view;
                        continue;
                    }
                    for (var m = inside[c].First; m < inside[c].End; m++)
                    {
                        if (HasMoves(regions[m], moves))
                        {
                            // Both ways kept, so that the chosen one is copied rather than diffed a third time.
                            delta -= WriteAside(() => EmitRegion(regions[m], pa, pb, NoMoves), out var plainRegion);
                            delta += WriteAside(() => EmitRegion(regions[m], pa, pb, moves), out var viewRegion);
                            _plainRegionRuns[m] = plainRegion;
                            _viewRegionRuns[m] = viewRegion;
                        }
                    }
                }
                foreach (var c in group)
                {
                    withMoves[c] = delta <= 0;
                    (delta <= 0 ? _plainRuns : _viewRuns).Remove(c);
                    for (var m = inside[c].First; m < inside[c].End; m++)
                    {
                        (delta <= 0 ? _plainRegionRuns : _viewRegionRuns).Remove(m);
                    }
                }
            }
            _runs = main;

            var kept = new List<(int From, int Id, int To)>();
            foreach (var (k, (id, other)) in moves.From)
            {
                if (withMoves[clusterOfA[k]])
                {
                    kept.Add((k, id, other));
                }
            }
            kept.Sort((x, y) => x.Id.CompareTo(y.Id));
            moves.From.Clear();
            moves.To.Clear();
            for (var n = 0; n < kept.Count; n++)
            {
                _moveIds[kept[n].Id] = n + 1;
                moves.From[kept[n].From] = (n + 1, kept[n].To);
                moves.To[kept[n].To] = (n + 1, kept[n].From);
            }
            return withMoves;
        }

        // Writes with the given action into a list of its own; returns the words it inserted and deleted.
        private int WriteAside(Action write, out List<EditRun> runs)
        {
            var main = _runs;
            _runs = runs = [];
            var before = _changedWords;
            write();
            Flush();
            _runs = main;
            return _changedWords - before;
        }

        // Output so far, to write a cluster one way, then undo it and write it another way.
        private readonly record struct OutputState(int Runs, string? RangeSource, int RangeStart, int RangeEnd, string Pending, EditKind Kind, int Move, int ChangedWords);

        private OutputState SaveOutput() =>
            new(_runs.Count, _rangeSource, _rangeStart, _rangeEnd, _pending.Length > 0 ? _pending.ToString() : "", _pendingKind, _pendingMove, _changedWords);

        private void RestoreOutput(OutputState state)
        {
            _runs.RemoveRange(state.Runs, _runs.Count - state.Runs);
            (_rangeSource, _rangeStart, _rangeEnd, _pendingKind, _pendingMove) = (state.RangeSource, state.RangeStart, state.RangeEnd, state.Kind, state.Move);
            _pending.Clear().Append(state.Pending);
            _changedWords = state.ChangedWords;
        }

        // Words inserted or deleted so far, and the tracking of words deleted in one region of a cluster and inserted
        // in another: while _track is set, a word id is stamped with the cluster and the first region (of the
        // cluster, in order) that deleted (inserted) it; a hit is a word stamped both ways from different regions.
        private int _changedWords;
        private readonly Dictionary<int, List<EditRun>> _plainRuns = [];
        private readonly Dictionary<int, List<EditRun>> _viewRuns = [];
        private readonly Dictionary<int, List<EditRun>> _plainRegionRuns = [];
        private readonly Dictionary<int, List<EditRun>> _viewRegionRuns = [];

        // Runs written aside by ChooseMoves, appended to the output with their moves renumbered.
        private void Replay(List<EditRun> runs)
        {
            foreach (var run in runs)
            {
                Append(run.Kind, run.Text, 0, run.Text.Length, run.MoveId == 0 ? 0 : _moveIds[run.MoveId]);
            }
        }
        private readonly Dictionary<int, int> _moveIds = [];
        private int _track;
        private int _trackStamp;
        private int _trackRegion;
        private bool _trackHit;
        private (int Stamp, int Region)[] _deletedIn = [];
        private (int Stamp, int Region)[] _insertedIn = [];

        private void Track(EditKind kind, int id)
        {
            if (id >= _deletedIn.Length)
            {
                // Kept as they are: stamps of this cluster must survive the growth.
                var length = Math.Max(id + 1, Math.Max(_tokenIds.Count, 2 * _deletedIn.Length));
                Array.Resize(ref _deletedIn, length);
                Array.Resize(ref _insertedIn, length);
            }
            var (mine, other) = kind == EditKind.Delete ? (_deletedIn, _insertedIn) : (_insertedIn, _deletedIn);
            _trackHit |= other[id].Stamp == _track && other[id].Region != _trackRegion;
            if (mine[id].Stamp != _track)
            {
                mine[id] = (_track, _trackRegion);
            }
        }

        private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\n\r\u2028\u2029\u0085");

        private static List<Paragraph> SplitParagraphs(string s)
        {
            var list = new List<Paragraph>(s.AsSpan().Count('\n') + 1);
            var start = 0;
            while (start < s.Length)
            {
                var at = s.AsSpan(start).IndexOfAny(LineBreaks);
                if (at < 0)
                {
                    break;
                }
                var k = start + at;
                if (s[k] == '\r' && k + 1 < s.Length && s[k + 1] == '\n')
                {
                    k++;
                }
                list.Add(new Paragraph(start, k + 1, true));
                start = k + 1;
            }
            if (start < s.Length)
            {
                list.Add(new Paragraph(start, s.Length, false));
            }
            return list;
        }

        // Paragraph identity without hashing every character: a fingerprint of the length and the first and
        // last 32 characters picks the candidates, a vectorized comparison confirms. Equal paragraphs, the
        // common case, cost one memory comparison each.
        // Token ids: equal texts get equal ids, numbered 0, 1, ... in order of first sight. An open-addressing table
        // of positions in the compared texts: no string is allocated per token.
        private sealed class TokenIds
        {
            private readonly string _a;
            private readonly string _b;
            private int[] _slots = new int[1024];
            private Entry[] _entries = new Entry[512];

            // A token's text is _b[Start..] when InB, else _a[Start..]: no references for the collector to trace.
            private struct Entry
            {
                public int Hash;
                public int Start;
                public int Length;
                public bool InB;
            }

            public TokenIds(string a, string b)
            {
                _a = a;
                _b = b;
            }

            public int Count { get; private set; }

            public int IdOf(string s, int start, int length) => IdOf(s, start, length, Hash(s.AsSpan(start, length)));

            public int IdOf(string s, int start, int length, int hash)
            {
                var span = s.AsSpan(start, length);
                var mask = _slots.Length - 1;
                for (var slot = hash & mask; ; slot = (slot + 1) & mask)
                {
                    var entry = _slots[slot] - 1;
                    if (entry < 0)
                    {
                        return Add(s, start, length, hash, slot);
                    }
                    ref readonly var e = ref _entries[entry];
                    if (e.Hash == hash && e.Length == length && span.SequenceEqual((e.InB ? _b : _a).AsSpan(e.Start, length)))
                    {
                        return entry;
                    }
                }
            }

            private int Add(string s, int start, int length, int hash, int slot)
            {
                var id = Count++;
                if (id == _entries.Length)
                {
                    Array.Resize(ref _entries, 2 * id);
                }
                _entries[id] = new Entry { Hash = hash, Start = start, Length = length, InB = ReferenceEquals(s, _b) };
                _slots[slot] = id + 1;
                if (2 * Count > _slots.Length)
                {
                    _slots = new int[2 * _slots.Length];
                    var mask = _slots.Length - 1;
                    for (var e = 0; e < Count; e++)
                    {
                        var k = _entries[e].Hash & mask;
                        while (_slots[k] != 0)
                        {
                            k = (k + 1) & mask;
                        }
                        _slots[k] = e + 1;
                    }
                }
                return id;
            }

            // FNV-1a over the characters, then the length and a final mix (TokenizeRange hashes ASCII words as it scans).
            public const uint Seed = 2166136261u;

            public static uint Step(uint hash, char c) => (hash ^ c) * 16777619u;

            public static int Finish(uint hash, int length)
            {
                var h = hash ^ ((uint)length * 0x9E3779B1u);
                h ^= h >> 16;
                h *= 0x85EBCA6Bu;
                h ^= h >> 13;
                return (int)(h & 0x7FFFFFFF);
            }

            private static int Hash(ReadOnlySpan<char> span)
            {
                var h = Seed;
                foreach (var c in span)
                {
                    h = Step(h, c);
                }
                return Finish(h, span.Length);
            }
        }

        private sealed class ParagraphIds
        {
            // Fingerprint -> the latest paragraph with it; each paragraph links to the previous one with the same
            // fingerprint. A paragraph's id is its index here (distinct texts only).
            private readonly Dictionary<long, int> _latest;
            private readonly List<(string Source, int Start, int Length, int Previous)> _paragraphs;

            public ParagraphIds(int capacity)
            {
                _latest = new Dictionary<long, int>(capacity);
                _paragraphs = new List<(string Source, int Start, int Length, int Previous)>(capacity);
            }

            public int Count => _paragraphs.Count;

            public int IdOf(string s, int start, int length)
            {
                var span = s.AsSpan(start, length);
                const int edge = 32;
                var head = string.GetHashCode(span[..Math.Min(edge, length)]);
                var tail = string.GetHashCode(span[Math.Max(0, length - edge)..]);
                var fingerprint = ((long)length << 40) ^ ((long)(uint)head << 8) ^ (uint)tail;
                ref var latest = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_latest, fingerprint, out var exists);
                var previous = exists ? latest : -1;
                for (var id = previous; id >= 0; id = _paragraphs[id].Previous)
                {
                    var candidate = _paragraphs[id];
                    if (candidate.Length == length && span.SequenceEqual(candidate.Source.AsSpan(candidate.Start, candidate.Length)))
                    {
                        return id;
                    }
                }
                latest = _paragraphs.Count;
                _paragraphs.Add((s, start, length, previous));
                return latest;
            }
        }

        private static int[] IdentifyParagraphs(string s, List<Paragraph> paragraphs, ParagraphIds ids)
        {
            var result = new int[paragraphs.Count];
            for (var k = 0; k < paragraphs.Count; k++)
            {
                result[k] = ids.IdOf(s, paragraphs[k].Start, paragraphs[k].End - paragraphs[k].Start);
            }
            return result;
        }

        // Paragraphs are aligned as git aligns lines: those that occur only on one side are changed whatever
        // happens and are set aside first (xdiff's discarding of unmatched records), then Myers finds a
        // minimal alignment of the rest, which is small when the edits are scattered.
        private static void AlignParagraphs(int[] a, int[] b, int idCount, bool[] deleted, bool[] inserted)
        {
            var inA = new bool[idCount];
            var inB = new bool[idCount];
            foreach (var id in a)
            {
                inA[id] = true;
            }
            foreach (var id in b)
            {
                inB[id] = true;
            }
            var keptA = Compact(a, inB, deleted);
            var keptB = Compact(b, inA, inserted);
            var ca = new int[keptA.Count];
            var cb = new int[keptB.Count];
            for (var k = 0; k < ca.Length; k++)
            {
                ca[k] = a[keptA[k]];
            }
            for (var k = 0; k < cb.Length; k++)
            {
                cb[k] = b[keptB[k]];
            }
            var cd = new bool[ca.Length];
            var ci = new bool[cb.Length];
            Myers.Diff(ca, 0, ca.Length, cb, 0, cb.Length, cd, ci);
            for (var k = 0; k < cd.Length; k++)
            {
                deleted[keptA[k]] = cd[k];
            }
            for (var k = 0; k < ci.Length; k++)
            {
                inserted[keptB[k]] = ci[k];
            }
        }

        // The paragraph alignment minimizes changed paragraphs, not changed words: between [L, s] and [s, L] it
        // may keep the short s and rewrite the long L. An equal run of paragraphs between two changed regions
        // that has fewer words than a side of either region is therefore put in one cluster with them (deleted and
        // inserted), so that the word diff of the cluster can keep whichever is longer (EmitClusterPlain). The
        // small regions (moveDeleted, moveInserted) take in only runs without words (empty lines) that no
        // paragraph crossed, so that a paragraph that crossed a longer run can be seen as moved.
        private void AbsorbShortEqualRuns(List<Paragraph> pa, List<Paragraph> pb, int[] ida, int[] idb, bool[] deleted, bool[] inserted,
            bool[] moveDeleted, bool[] moveInserted)
        {
            if (_options.KeepEqualParagraphRuns)
            {
                return;
            }
            var blocks = new List<(bool Equal, int A0, int A1, int B0, int B1)>();
            int i = 0, j = 0;
            while (i < pa.Count || j < pb.Count)
            {
                int a0 = i, b0 = j;
                var equal = !((i < pa.Count && deleted[i]) || (j < pb.Count && inserted[j]));
                if (equal)
                {
                    while (i < pa.Count && j < pb.Count && !deleted[i] && !inserted[j])
                    {
                        i++;
                        j++;
                    }
                }
                else
                {
                    while (i < pa.Count && deleted[i])
                    {
                        i++;
                    }
                    while (j < pb.Count && inserted[j])
                    {
                        j++;
                    }
                }
                blocks.Add((equal, a0, i, b0, j));
            }
            // Only clusters that may be diffed at once (MayDiffAtOnce) gain from absorbing a run: longer ones are
            // diffed region by region. So runs are absorbed while the cluster stays that short, which is checked
            // on the characters before any word is counted.
            int Chars((bool Equal, int A0, int A1, int B0, int B1) b) =>
                (b.A1 > b.A0 ? pa[b.A1 - 1].End - pa[b.A0].Start : 0) + (b.B1 > b.B0 ? pb[b.B1 - 1].End - pb[b.B0].Start : 0);
            var clusterChars = blocks.Count > 0 && !blocks[0].Equal ? Chars(blocks[0]) : 0;
            for (var k = 1; k + 1 < blocks.Count; k++)
            {
                var (equal, a0, a1, b0, _) = blocks[k];
                if (!equal)
                {
                    continue;
                }
                var next = Chars(blocks[k + 1]);
                var total = clusterChars + Chars(blocks[k]) + next;
                if (total > MaxAtOnceLength)
                {
                    clusterChars = next;
                    continue;
                }
                // The run's words, then whether a side of either region has more (counted no further than that).
                var words = Tokenizer.CountWords(_a, pa[a0].Start, pa[a1 - 1].End);
                if (HasMoreWords(blocks[k - 1], words, pa, pb) || HasMoreWords(blocks[k + 1], words, pa, pb))
                {
                    clusterChars = total;
                    Array.Fill(deleted, true, a0, a1 - a0);
                    Array.Fill(inserted, true, b0, a1 - a0);
                    if (words == 0 && !SharesParagraph(blocks[k - 1], blocks[k + 1], ida, idb))
                    {
                        Array.Fill(moveDeleted, true, a0, a1 - a0);
                        Array.Fill(moveInserted, true, b0, a1 - a0);
                    }
                }
                else
                {
                    clusterChars = next;
                }
            }
        }

        private static bool SharesParagraph((bool Equal, int A0, int A1, int B0, int B1) x, (bool Equal, int A0, int A1, int B0, int B1) y, int[] ida, int[] idb)
        {
            static bool Crosses(int[] ids, int a0, int a1, int[] otherIds, int b0, int b1)
            {
                if (a1 - a0 == 0 || b1 - b0 == 0)
                {
                    return false;
                }
                var set = new HashSet<int>(ids[a0..a1]);
                for (var k = b0; k < b1; k++)
                {
                    if (set.Contains(otherIds[k]))
                    {
                        return true;
                    }
                }
                return false;
            }
            return Crosses(ida, x.A0, x.A1, idb, y.B0, y.B1) || Crosses(ida, y.A0, y.A1, idb, x.B0, x.B1);
        }

        private bool HasMoreWords((bool Equal, int A0, int A1, int B0, int B1) block, int words, List<Paragraph> pa, List<Paragraph> pb) =>
            (block.A1 > block.A0 && Tokenizer.CountWords(_a, pa[block.A0].Start, pa[block.A1 - 1].End, words + 1) > words)
            || (block.B1 > block.B0 && Tokenizer.CountWords(_b, pb[block.B0].Start, pb[block.B1 - 1].End, words + 1) > words);

        // Indices of the elements whose id occurs on the other side; the others are flagged as changed.
        private static List<int> Compact(int[] ids, bool[] onOtherSide, bool[] changed)
        {
            var kept = new List<int>(ids.Length);
            for (var k = 0; k < ids.Length; k++)
            {
                if (onOtherSide[ids[k]])
                {
                    kept.Add(k);
                }
                else
                {
                    changed[k] = true;
                }
            }
            return kept;
        }

        private static List<(int A, int B)> LongestIncreasing(List<(int A, int B)> items)
        {
            var tailIndex = new List<int>();
            var previous = new int[items.Count];
            for (var k = 0; k < items.Count; k++)
            {
                int lo = 0, hi = tailIndex.Count;
                while (lo < hi)
                {
                    var mid = (lo + hi) >> 1;
                    if (items[tailIndex[mid]].B < items[k].B)
                    {
                        lo = mid + 1;
                    }
                    else
                    {
                        hi = mid;
                    }
                }
                previous[k] = lo > 0 ? tailIndex[lo - 1] : -1;
                if (lo == tailIndex.Count)
                {
                    tailIndex.Add(k);
                }
                else
                {
                    tailIndex[lo] = k;
                }
            }
            var result = new List<(int A, int B)>(tailIndex.Count);
            for (var k = tailIndex.Count > 0 ? tailIndex[^1] : -1; k >= 0; k = previous[k])
            {
                result.Add(items[k]);
            }
            result.Reverse();
            return result;
        }

        private sealed class Moves
        {
            // Old paragraph index -> (move id, new paragraph index) and the reverse.
            public Dictionary<int, (int Id, int Other)> From { get; } = [];
            public Dictionary<int, (int Id, int Other)> To { get; } = [];
        }

        private Moves FindMoves(List<Paragraph> pa, List<Paragraph> pb, int[] ida, int[] idb, List<(int A0, int A1, int B0, int B1)> regions)
        {
            var moves = new Moves();
            var regionOfB = new Dictionary<int, int>();
            var exact = new Dictionary<int, Queue<int>>();
            for (var r = 0; r < regions.Count; r++)
            {
                for (var k = regions[r].B0; k < regions[r].B1; k++)
                {
                    if (pb[k].HasBreak)
                    {
                        regionOfB[k] = r;
                        if (!exact.TryGetValue(idb[k], out var queue))
                        {
                            exact[idb[k]] = queue = new Queue<int>();
                        }
                        queue.Enqueue(k);
                    }
                }
            }
            if (regionOfB.Count == 0)
            {
                return moves;
            }
            var unpairedA = new List<(int Index, int Region)>();
            for (var r = 0; r < regions.Count; r++)
            {
                for (var k = regions[r].A0; k < regions[r].A1; k++)
                {
                    if (!pa[k].HasBreak)
                    {
                        continue;
                    }
                    if (exact.TryGetValue(ida[k], out var queue) && queue.Count > 0 && regionOfB[queue.Peek()] != r && IsMoveCandidate(_a, pa[k]))
                    {
                        var target = queue.Dequeue();
                        var id = _nextMoveId++;
                        moves.From[k] = (id, target);
                        moves.To[target] = (id, k);
                    }
                    else
                    {
                        unpairedA.Add((k, r));
                    }
                }
            }
            if (_options.MoveSimilarity >= 1.0 || unpairedA.Count == 0)
            {
                return moves;
            }

            // Near-exact moves. A region with as many old as new paragraphs (after exact moves) is read as
            // paragraphs edited in place; only unbalanced regions can have lost or gained a paragraph by a move.
            // Candidates share their first or last words and are confirmed by a word diff.
            var unbalanced = new bool[regions.Count];
            for (var r = 0; r < regions.Count; r++)
            {
                var (a0, a1, b0, b1) = regions[r];
                var olds = Enumerable.Range(a0, a1 - a0).Count(k => !moves.From.ContainsKey(k));
                var news = Enumerable.Range(b0, b1 - b0).Count(k => !moves.To.ContainsKey(k));
                unbalanced[r] = olds != news;
            }
            var byEdge = new Dictionary<(bool Head, int W1, int W2, int W3), List<int>>();
            foreach (var k in regionOfB.Keys.Order())
            {
                if (moves.To.ContainsKey(k) || !unbalanced[regionOfB[k]] || !IsNearMoveCandidate(_b, pb, ref _paragraphWordsB, k))
                {
                    continue;
                }
                foreach (var key in EdgeKeys(_paragraphWordsB[k]!))
                {
                    if (!byEdge.TryGetValue(key, out var list))
                    {
                        byEdge[key] = list = [];
                    }
                    list.Add(k);
                }
            }
            if (byEdge.Count == 0)
            {
                return moves;
            }
            foreach (var (k, r) in unpairedA)
            {
                if (!unbalanced[r] || !IsNearMoveCandidate(_a, pa, ref _paragraphWordsA, k))
                {
                    continue;
                }
                var best = -1;
                var bestScore = 0.0;
                foreach (var key in EdgeKeys(_paragraphWordsA[k]!))
                {
                    if (!byEdge.TryGetValue(key, out var list))
                    {
                        continue;
                    }
                    foreach (var candidate in list)
                    {
                        if (moves.To.ContainsKey(candidate) || regionOfB[candidate] == r)
                        {
                            continue;
                        }
                        var score = Similarity(pa, pb, k, candidate, bestScore);
                        if (score >= _options.MoveSimilarity && (score > bestScore || (score == bestScore && candidate < best)))
                        {
                            best = candidate;
                            bestScore = score;
                        }
                    }
                }
                if (best >= 0 && !BetterInPlace(k, r, best, bestScore, pa, pb, regions, regionOfB, moves))
                {
                    var id = _nextMoveId++;
                    moves.From[k] = (id, best);
                    moves.To[best] = (id, k);
                }
            }
            return moves;
        }

        // A near-copy elsewhere is not a move when the paragraph, or the candidate, reads as edited in place:
        // the paragraph at the same position on the other side of its own region is at least as similar.
        private bool BetterInPlace(int k, int r, int candidate, double score, List<Paragraph> pa, List<Paragraph> pb,
            List<(int A0, int A1, int B0, int B1)> regions, Dictionary<int, int> regionOfB, Moves moves)
        {
            var (a0, _, b0, b1) = regions[r];
            var here = b0 + (k - a0);
            if (here < b1 && !moves.To.ContainsKey(here) && Similarity(pa, pb, k, here, score) >= score)
            {
                return true;
            }
            // The candidate's region (candidates are paragraphs of regions, with a line break).
            if (regionOfB.TryGetValue(candidate, out var other))
            {
                var there = regions[other].A0 + (candidate - regions[other].B0);
                if (there < regions[other].A1 && !moves.From.ContainsKey(there) && Similarity(pa, pb, there, candidate, score) >= score)
                {
                    return true;
                }
            }
            return false;
        }

        private bool IsMoveCandidate(string s, Paragraph p) =>
            p.HasBreak && Tokenizer.CountWords(s, p.Start, p.End) >= _options.MinMoveWords;

        // IsMoveCandidate from the paragraph's word ids, which the edge keys and the similarity use too.
        private bool IsNearMoveCandidate(string s, List<Paragraph> paragraphs, ref int[]?[] cache, int k) =>
            paragraphs[k].HasBreak && WordIdsOf(s, paragraphs, ref cache, k).Length >= _options.MinMoveWords;

        // The first and the last three words of a paragraph (as token ids: equal ids are equal words).
        private static IEnumerable<(bool Head, int W1, int W2, int W3)> EdgeKeys(int[] words)
        {
            const int edge = 3;
            if (words.Length < edge)
            {
                return [];
            }
            var n = words.Length;
            return [(true, words[0], words[1], words[2]), (false, words[n - 3], words[n - 2], words[n - 1])];
        }

        // The share of words two paragraphs have in common: twice the words the word diff keeps over the words of
        // both. Each paragraph's word ids are taken once (a paragraph is compared with many candidates); a candidate
        // that cannot reach the threshold or the given score (fewer words in common, counted as a multiset, than
        // needed) returns a lower bound of its score, without diffing. The diff is the one DiffTokens runs on words.
        private double Similarity(List<Paragraph> pa, List<Paragraph> pb, int k, int candidate, double atLeast)
        {
            var wa = WordIdsOf(_a, pa, ref _paragraphWordsA, k);
            var wb = WordIdsOf(_b, pb, ref _paragraphWordsB, candidate);
            var total = wa.Length + wb.Length;
            if (total == 0)
            {
                return 0;
            }
            var needed = Math.Max(atLeast, _options.MoveSimilarity);
            if (2.0 * Math.Min(wa.Length, wb.Length) / total < needed || 2.0 * SharedWords(wa, wb) / total < needed)
            {
                return 0;
            }
            var na = wa.Length;
            var nb = wb.Length;
            var ia = _ia = Grown(_ia, na);
            var ib = _ib = Grown(_ib, nb);
            wa.CopyTo(ia, 0);
            wb.CopyTo(ib, 0);
            var wordDeleted = _wordDeleted = Grown(_wordDeleted, na);
            var wordInserted = _wordInserted = Grown(_wordInserted, nb);
            Array.Clear(wordDeleted, 0, na);
            Array.Clear(wordInserted, 0, nb);
            DiffWords(ia, na, ib, nb, wordDeleted, wordInserted);
            var common = 0;
            for (var m = 0; m < na; m++)
            {
                if (!wordDeleted[m])
                {
                    common++;
                }
            }
            return 2.0 * common / total;
        }

        private int[]?[] _paragraphWordsA = [];
        private int[]?[] _paragraphWordsB = [];
        private readonly List<Tok> _similarityTokens = [];

        private int[] WordIdsOf(string s, List<Paragraph> paragraphs, ref int[]?[] cache, int k)
        {
            if (cache.Length < paragraphs.Count)
            {
                Array.Resize(ref cache, paragraphs.Count);
            }
            if (cache[k] is { } known)
            {
                return known;
            }
            _similarityTokens.Clear();
            TokenizeRange(s, paragraphs[k].Start, paragraphs[k].End, _similarityTokens);
            var count = 0;
            foreach (var t in _similarityTokens)
            {
                count += t.IsWord ? 1 : 0;
            }
            var ids = new int[count];
            count = 0;
            foreach (var t in _similarityTokens)
            {
                if (t.IsWord)
                {
                    ids[count++] = t.Id;
                }
            }
            return cache[k] = ids;
        }

        // Words in common counted as multisets: no diff keeps more.
        private int SharedWords(int[] wa, int[] wb)
        {
            var counts = _sharedCounts = Grown(_sharedCounts, _tokenIds.Count);
            foreach (var id in wa)
            {
                counts[id]++;
            }
            var shared = 0;
            foreach (var id in wb)
            {
                if (counts[id] > 0)
                {
                    counts[id]--;
                    shared++;
                }
            }
            foreach (var id in wa)
            {
                counts[id] = 0;
            }
            return shared;
        }

        private int[] _sharedCounts = [];

        private readonly record struct Tok(int Start, int Length, int Id, bool IsWord, bool IsBreak);


        private readonly int[] _asciiIds = new int[0x80];

        private List<Tok> TokenizeRange(string s, int start, int end, List<Tok> list)
        {
            var pos = start;
            while (pos < end)
            {
                var c = s[pos];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    // An ASCII word, the common case, scanned and hashed in one pass. It ends where Tokenizer.Next
                    // ends it: at the end, or at an ASCII character that does not join it to what follows.
                    var i = pos + 1;
                    var hash = TokenIds.Step(TokenIds.Seed, c);
                    while (i < end && char.IsAsciiLetterOrDigit(s[i]))
                    {
                        hash = TokenIds.Step(hash, s[i]);
                        i++;
                    }
                    if (i >= end || (s[i] < 0x80 && !Tokenizer.IsJoiner(s, i, end)))
                    {
                        list.Add(new Tok(pos, i - pos, _tokenIds.IdOf(s, pos, i - pos, TokenIds.Finish(hash, i - pos)), true, false));
                        pos = i;
                        continue;
                    }
                }
                else if (c == ' ' && (pos + 1 >= end || !char.IsWhiteSpace(s[pos + 1])) && _asciiIds[' '] > 0)
                {
                    // A single space between two tokens.
                    list.Add(new Tok(pos, 1, _asciiIds[' '] - 1, false, false));
                    pos++;
                    continue;
                }
                var length = Tokenizer.Next(s, pos, end, out var kind);
                int id;
                if (length == 1 && s[pos] < 0x80 && _asciiIds[s[pos]] > 0)
                {
                    // A space or an ASCII mark, about half of all tokens: looked up in an array (ids stored plus one).
                    id = _asciiIds[s[pos]] - 1;
                }
                else
                {
                    id = _tokenIds.IdOf(s, pos, length);
                    if (length == 1 && s[pos] < 0x80)
                    {
                        _asciiIds[s[pos]] = id + 1;
                    }
                }
                list.Add(new Tok(pos, length, id, kind is TokenKind.Word or TokenKind.Number, kind == TokenKind.LineBreak));
                pos += length;
            }
            return list;
        }

        private static int[] Ids(List<Tok> tokens)
        {
            var ids = new int[tokens.Count];
            for (var k = 0; k < ids.Length; k++)
            {
                ids[k] = tokens[k].Id;
            }
            return ids;
        }

        /// <summary>Regions longer than this many words are cut at words found once on each side before the exact diff.</summary>
        private const int AnchorThreshold = 2000;

        // Words first, then the rest: Myers on the words (and numbers) alone gives the fewest words inserted and
        // deleted, the measure git's --word-diff reports; whitespace and punctuation are then aligned within
        // each gap between two kept words, where the words cannot match. Long regions are first cut at words
        // that occur exactly once on each side (in order, as patience diff does), so that Myers runs on small gaps.
        // Scratch buffers of DiffTokens and DiffGap, reused from call to call (the engine is single-threaded and
        // these calls never nest): a long text has thousands of changed regions, and allocating them for each
        // region was most of the engine's garbage.
        private readonly List<int> _wa = [];
        private readonly List<int> _wb = [];
        private int[] _ia = [];
        private int[] _ib = [];
        private bool[] _wordDeleted = [];
        private bool[] _wordInserted = [];
        private int[] _ga = [];
        private int[] _gb = [];
        private bool[] _gd = [];
        private bool[] _gi = [];

        private static T[] Grown<T>(T[] array, int length) => array.Length >= length ? array : new T[Math.Max(length, array.Length * 2)];

        private void DiffTokens(List<Tok> ta, List<Tok> tb, bool[] deleted, bool[] inserted)
        {
            var wa = WordPositions(ta, _wa);
            var wb = WordPositions(tb, _wb);
            var na = wa.Count;
            var nb = wb.Count;
            var ia = _ia = Grown(_ia, na);
            var ib = _ib = Grown(_ib, nb);
            for (var k = 0; k < na; k++)
            {
                ia[k] = ta[wa[k]].Id;
            }
            for (var k = 0; k < nb; k++)
            {
                ib[k] = tb[wb[k]].Id;
            }
            var wordDeleted = _wordDeleted = Grown(_wordDeleted, na);
            var wordInserted = _wordInserted = Grown(_wordInserted, nb);
            Array.Clear(wordDeleted, 0, na);
            Array.Clear(wordInserted, 0, nb);
            DiffWords(ia, na, ib, nb, wordDeleted, wordInserted);

            // Gaps between kept words: their words are changed; the other tokens are aligned by Myers.
            int i = 0, j = 0, ta0 = 0, tb0 = 0;
            while (true)
            {
                while (i < wa.Count && wordDeleted[i])
                {
                    i++;
                }
                while (j < wb.Count && wordInserted[j])
                {
                    j++;
                }
                var ta1 = i < wa.Count ? wa[i] : ta.Count;
                var tb1 = j < wb.Count ? wb[j] : tb.Count;
                DiffGap(ta, ta0, ta1, tb, tb0, tb1, deleted, inserted);
                if (i >= wa.Count || j >= wb.Count)
                {
                    break;
                }
                ta0 = ta1 + 1;
                tb0 = tb1 + 1;
                i++;
                j++;
            }
        }

        // The word diff: Myers on the word ids, after cutting long inputs at their unique words.
        private void DiffWords(int[] ia, int na, int[] ib, int nb, bool[] wordDeleted, bool[] wordInserted)
        {
            if (na + nb > AnchorThreshold)
            {
                int prevA = 0, prevB = 0;
                foreach (var (x, y) in UniqueAnchors(ia, na, ib, nb))
                {
                    Myers.Diff(ia, prevA, x, ib, prevB, y, wordDeleted, wordInserted);
                    prevA = x + 1;
                    prevB = y + 1;
                }
                Myers.Diff(ia, prevA, na, ib, prevB, nb, wordDeleted, wordInserted);
            }
            else
            {
                Myers.Diff(ia, 0, na, ib, 0, nb, wordDeleted, wordInserted);
            }
        }

        private static List<int> WordPositions(List<Tok> tokens, List<int> positions)
        {
            positions.Clear();
            for (var k = 0; k < tokens.Count; k++)
            {
                if (tokens[k].IsWord)
                {
                    positions.Add(k);
                }
            }
            return positions;
        }

        private void DiffGap(List<Tok> ta, int a0, int a1, List<Tok> tb, int b0, int b1, bool[] deleted, bool[] inserted)
        {
            if (a0 == a1 || b0 == b1)
            {
                Array.Fill(deleted, true, a0, a1 - a0);
                Array.Fill(inserted, true, b0, b1 - b0);
                return;
            }
            if (a1 - a0 == b1 - b0 && SameSeparators(ta, a0, tb, b0, a1 - a0))
            {
                // The same separators on both sides (a space between two kept words, mostly): nothing changes, and
                // the callers' flags are already clear.
                return;
            }
            // Words in a gap are changed: give them ids that match nothing (token ids are never negative).
            var na = a1 - a0;
            var nb = b1 - b0;
            var ga = _ga = Grown(_ga, na);
            var gb = _gb = Grown(_gb, nb);
            for (var k = 0; k < na; k++)
            {
                ga[k] = ta[a0 + k].IsWord ? -1 - (2 * k) : ta[a0 + k].Id;
            }
            for (var k = 0; k < nb; k++)
            {
                gb[k] = tb[b0 + k].IsWord ? -2 - (2 * k) : tb[b0 + k].Id;
            }
            var gd = _gd = Grown(_gd, na);
            var gi = _gi = Grown(_gi, nb);
            Array.Clear(gd, 0, na);
            Array.Clear(gi, 0, nb);
            Myers.Diff(ga, 0, na, gb, 0, nb, gd, gi);
            Array.Copy(gd, 0, deleted, a0, na);
            Array.Copy(gi, 0, inserted, b0, nb);
        }

        private static bool SameSeparators(List<Tok> ta, int a0, List<Tok> tb, int b0, int length)
        {
            for (var k = 0; k < length; k++)
            {
                if (ta[a0 + k].IsWord || tb[b0 + k].IsWord || ta[a0 + k].Id != tb[b0 + k].Id)
                {
                    return false;
                }
            }
            return true;
        }

        // Words that occur exactly once in each sequence, longest run in the same order on both sides.
        private List<(int A, int B)> UniqueAnchors(int[] a, int na, int[] b, int nb)
        {
            // Token ids are dense: counts and positions in arrays, no hashing.
            var n = _tokenIds.Count;
            var countA = new byte[n];
            var countB = new byte[n];
            var posB = new int[n];
            for (var k = 0; k < na; k++)
            {
                countA[a[k]] = (byte)Math.Min(2, countA[a[k]] + 1);
            }
            for (var k = 0; k < nb; k++)
            {
                countB[b[k]] = (byte)Math.Min(2, countB[b[k]] + 1);
                posB[b[k]] = k;
            }
            var candidates = new List<(int A, int B)>();
            for (var k = 0; k < na; k++)
            {
                if (countA[a[k]] == 1 && countB[a[k]] == 1)
                {
                    candidates.Add((k, posB[a[k]]));
                }
            }
            return LongestIncreasing(candidates);
        }

        private void EmitRegion((int A0, int A1, int B0, int B1) region, List<Paragraph> pa, List<Paragraph> pb, Moves moves)
        {
            if (!HasMoves(region, moves))
            {
                var (aStart, aEnd, bStart, bEnd) = Span(region, pa, pb);
                EmitRegionWithoutMoves(aStart, aEnd, bStart, bEnd);
                return;
            }

            // Tokens of the paragraphs that stay; moved paragraphs are emitted where they were and where they go.
            // The buffers are this method's own (it does not nest): MovedTokens and DiffTokens have theirs.
            var ta = _moveRegionA;
            var tb = _moveRegionB;
            var fromEvents = _fromEvents;
            var toEvents = _toEvents;
            ta.Clear();
            tb.Clear();
            fromEvents.Clear();
            toEvents.Clear();
            for (var k = region.A0; k < region.A1; k++)
            {
                if (moves.From.ContainsKey(k))
                {
                    fromEvents.Add((ta.Count, k));
                }
                else
                {
                    TokenizeRange(_a, pa[k].Start, pa[k].End, ta);
                }
            }
            for (var k = region.B0; k < region.B1; k++)
            {
                if (moves.To.ContainsKey(k))
                {
                    toEvents.Add((tb.Count, k));
                }
                else
                {
                    TokenizeRange(_b, pb[k].Start, pb[k].End, tb);
                }
            }
            var deleted = _moveRegionDeleted = Grown(_moveRegionDeleted, ta.Count);
            var inserted = _moveRegionInserted = Grown(_moveRegionInserted, tb.Count);
            Array.Clear(deleted, 0, ta.Count);
            Array.Clear(inserted, 0, tb.Count);
            DiffTokens(ta, tb, deleted, inserted);

            var ops = _moveRegionOps;
            ops.Clear();
            int i = 0, j = 0, fe = 0, te = 0;
            while (true)
            {
                while (fe < fromEvents.Count && fromEvents[fe].At <= i)
                {
                    AddMoveFrom(ops, fromEvents[fe++].Paragraph, pa, pb, moves);
                }
                while (te < toEvents.Count && toEvents[te].At <= j)
                {
                    AddMoveTo(ops, toEvents[te++].Paragraph, pa, pb, moves);
                }
                if (i >= ta.Count && j >= tb.Count)
                {
                    break;
                }
                if (i < ta.Count && deleted[i])
                {
                    ops.Add(TokenOp(EditKind.Delete, ta[i], ta[i].Start, 0));
                    i++;
                }
                else if (j < tb.Count && inserted[j])
                {
                    ops.Add(TokenOp(EditKind.Insert, tb[j], 0, tb[j].Start));
                    j++;
                }
                else
                {
                    ops.Add(TokenOp(EditKind.Equal, ta[i], ta[i].Start, tb[j].Start));
                    i++;
                    j++;
                }
            }
            EmitOps(ops);
        }

        private readonly List<Tok> _moveRegionA = [];
        private readonly List<Tok> _moveRegionB = [];
        private readonly List<(int At, int Paragraph)> _fromEvents = [];
        private readonly List<(int At, int Paragraph)> _toEvents = [];
        private bool[] _moveRegionDeleted = [];
        private bool[] _moveRegionInserted = [];
        private readonly List<Op> _moveRegionOps = [];

        // The characters a region covers on each side.
        private (int AStart, int AEnd, int BStart, int BEnd) Span((int A0, int A1, int B0, int B1) region, List<Paragraph> pa, List<Paragraph> pb)
        {
            var aStart = region.A0 < pa.Count ? pa[region.A0].Start : _a.Length;
            var bStart = region.B0 < pb.Count ? pb[region.B0].Start : _b.Length;
            return (aStart, region.A1 > region.A0 ? pa[region.A1 - 1].End : aStart, bStart, region.B1 > region.B0 ? pb[region.B1 - 1].End : bStart);
        }

        private static bool HasMoves((int A0, int A1, int B0, int B1) region, Moves moves)
        {
            for (var k = region.A0; k < region.A1; k++)
            {
                if (moves.From.ContainsKey(k))
                {
                    return true;
                }
            }
            for (var k = region.B0; k < region.B1; k++)
            {
                if (moves.To.ContainsKey(k))
                {
                    return true;
                }
            }
            return false;
        }

        // Most changed paragraphs differ in a word or two: the common prefix and suffix, cut back to a
        // whitespace boundary so that no token is split, are kept without tokenizing them.
        private void EmitRegionWithoutMoves(int aStart, int aEnd, int bStart, int bEnd)
        {
            PrepareRegionWithoutMoves(aStart, aEnd, bStart, bEnd);
            EmitPreparedRegion();
        }

        // The diff of a region without moves, kept in the region's scratch until EmitPreparedRegion writes it (nothing
        // else may diff in between). Returns the words it inserts and deletes.
        private int PrepareRegionWithoutMoves(int aStart, int aEnd, int bStart, int bEnd)
        {
            var maxPrefix = Math.Min(aEnd - aStart, bEnd - bStart);
            var prefix = _a.AsSpan(aStart, maxPrefix).CommonPrefixLength(_b.AsSpan(bStart, maxPrefix));
            while (prefix > 0 && !(IsSpace(_a[aStart + prefix - 1])
                && (aStart + prefix == aEnd || !IsSpace(_a[aStart + prefix]))
                && (bStart + prefix == bEnd || !IsSpace(_b[bStart + prefix]))))
            {
                prefix--;
            }
            var suffix = 0;
            var maxSuffix = maxPrefix - prefix;
            while (suffix < maxSuffix && _a[aEnd - 1 - suffix] == _b[bEnd - 1 - suffix])
            {
                suffix++;
            }
            while (suffix > 0 && !(IsSpace(_a[aEnd - suffix])
                && (aEnd - suffix == aStart + prefix || !IsSpace(_a[aEnd - suffix - 1]))
                && (bEnd - suffix == bStart + prefix || !IsSpace(_b[bEnd - suffix - 1]))))
            {
                suffix--;
            }
            _regionAStart = aStart;
            _regionAEnd = aEnd;
            _regionPrefix = prefix;
            _regionSuffix = suffix;
            _regionA.Clear();
            _regionB.Clear();
            var ta = TokenizeRange(_a, aStart + prefix, aEnd - suffix, _regionA);
            var tb = TokenizeRange(_b, bStart + prefix, bEnd - suffix, _regionB);
            var deleted = _regionDeleted = Grown(_regionDeleted, ta.Count);
            var inserted = _regionInserted = Grown(_regionInserted, tb.Count);
            Array.Clear(deleted, 0, ta.Count);
            Array.Clear(inserted, 0, tb.Count);
            DiffTokens(ta, tb, deleted, inserted);
            var changed = 0;
            for (var k = 0; k < ta.Count; k++)
            {
                changed += deleted[k] && ta[k].IsWord ? 1 : 0;
            }
            for (var k = 0; k < tb.Count; k++)
            {
                changed += inserted[k] && tb[k].IsWord ? 1 : 0;
            }
            return changed;
        }

        private int _regionAStart;
        private int _regionAEnd;
        private int _regionPrefix;
        private int _regionSuffix;

        private void EmitPreparedRegion()
        {
            var (aStart, aEnd, prefix, suffix) = (_regionAStart, _regionAEnd, _regionPrefix, _regionSuffix);
            var ta = _regionA;
            var tb = _regionB;
            var deleted = _regionDeleted;
            var inserted = _regionInserted;
            Append(EditKind.Equal, _a, aStart, prefix, 0);
            var ops = _regionOps;
            ops.Clear();
            int i = 0, j = 0;
            while (i < ta.Count || j < tb.Count)
            {
                if (i < ta.Count && deleted[i])
                {
                    ops.Add(TokenOp(EditKind.Delete, ta[i], ta[i].Start, 0));
                    i++;
                }
                else if (j < tb.Count && inserted[j])
                {
                    ops.Add(TokenOp(EditKind.Insert, tb[j], 0, tb[j].Start));
                    j++;
                }
                else
                {
                    ops.Add(TokenOp(EditKind.Equal, ta[i], ta[i].Start, tb[j].Start));
                    i++;
                    j++;
                }
            }
            EmitOps(ops);
            Append(EditKind.Equal, _a, aEnd - suffix, suffix, 0);
        }

        private static bool IsSpace(char c) => char.IsWhiteSpace(c);

        // Scratch of EmitRegionWithoutMoves, the common path, reused from region to region.
        private readonly List<Tok> _regionA = [];
        private readonly List<Tok> _regionB = [];
        private bool[] _regionDeleted = [];
        private bool[] _regionInserted = [];
        private readonly List<Op> _regionOps = [];

        // Emits a region's token operations: short word-less equalities between changes absorbed (when
        // clean-up is on), then each block of changes as its deletions followed by its insertions.
        private void EmitOps(List<Op> ops)
        {
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ops);
            if (_options.SemanticCleanup)
            {
                AbsorbSeparators(span);
            }
            foreach (ref readonly var op in span)
            {
                if (op.HasWord && op.Kind is EditKind.Insert or EditKind.Delete)
                {
                    _changedWords++;
                    if (_track != 0)
                    {
                        Track(op.Kind, op.TokenId);
                    }
                }
            }
            var k = 0;
            while (k < span.Length)
            {
                if (!IsChange(span[k]))
                {
                    Emit(span[k], span[k].Kind);
                    k++;
                    continue;
                }
                var end = k;
                while (end < span.Length && IsChange(span[end]))
                {
                    end++;
                }
                for (var m = k; m < end; m++)
                {
                    if (span[m].Kind != EditKind.Insert)
                    {
                        Emit(span[m], EditKind.Delete);
                    }
                }
                for (var m = k; m < end; m++)
                {
                    if (span[m].Kind != EditKind.Delete)
                    {
                        Emit(span[m], EditKind.Insert);
                    }
                }
                k = end;
            }
        }

        private void Emit(in Op op, EditKind kind)
        {
            if (kind is EditKind.Insert or EditKind.MoveTo)
            {
                Append(kind, _b, op.BStart, op.Length, op.MoveId);
            }
            else
            {
                Append(kind, _a, op.AStart, op.Length, op.MoveId);
            }
        }

        // An absorbed equality is an Equal op flagged to be emitted as a deletion and an insertion.
        private static bool IsChange(in Op op) => op.Kind is EditKind.Insert or EditKind.Delete || op.Absorbed;

        // A short equality without words (a space, ", ") between two changes is absorbed into them,
        // so "2020-2023" -> "2024-2027" with a space kept between two edits reads as one replacement.
        private static void AbsorbSeparators(Span<Op> ops)
        {
            const int maxAbsorbedLength = 3;
            var k = 0;
            while (k < ops.Length)
            {
                if (ops[k].Kind != EditKind.Equal)
                {
                    k++;
                    continue;
                }
                var end = k;
                var length = 0;
                var hasWord = false;
                var hasBreak = false;
                while (end < ops.Length && ops[end].Kind == EditKind.Equal)
                {
                    length += ops[end].Length;
                    hasWord |= ops[end].HasWord;
                    hasBreak |= ops[end].HasBreak;
                    end++;
                }
                var between = k > 0 && end < ops.Length
                    && ops[k - 1].Kind is EditKind.Insert or EditKind.Delete
                    && ops[end].Kind is EditKind.Insert or EditKind.Delete;
                if (between && !hasWord && !hasBreak && length <= maxAbsorbedLength)
                {
                    for (var m = k; m < end; m++)
                    {
                        ops[m].Absorbed = true;
                    }
                }
                k = end;
            }
        }

        private static Op TokenOp(EditKind kind, Tok t, int aStart, int bStart) => new()
        {
            Kind = kind,
            AStart = aStart,
            BStart = bStart,
            Length = t.Length,
            HasWord = t.IsWord,
            HasBreak = t.IsBreak,
            TokenId = t.Id,
        };

        private void AddMoveFrom(List<Op> ops, int k, List<Paragraph> pa, List<Paragraph> pb, Moves moves)
        {
            var (id, other) = moves.From[k];
            foreach (var (kind, ta, tb) in MovedTokens(pa[k], pb[other]))
            {
                if (kind == EditKind.Equal)
                {
                    ops.Add(TokenOp(EditKind.MoveFrom, ta, ta.Start, tb.Start) with { MoveId = id });
                }
                else if (kind == EditKind.Delete)
                {
                    ops.Add(TokenOp(EditKind.Delete, ta, ta.Start, 0));
                }
            }
        }

        private void AddMoveTo(List<Op> ops, int k, List<Paragraph> pa, List<Paragraph> pb, Moves moves)
        {
            var (id, other) = moves.To[k];
            foreach (var (kind, ta, tb) in MovedTokens(pa[other], pb[k]))
            {
                if (kind == EditKind.Equal)
                {
                    ops.Add(TokenOp(EditKind.MoveTo, tb, ta.Start, tb.Start) with { MoveId = id });
                }
                else if (kind == EditKind.Insert)
                {
                    ops.Add(TokenOp(EditKind.Insert, tb, 0, tb.Start));
                }
            }
        }

        // A moved paragraph against its destination, in a list reused from call to call (read before the next call).
        private List<(EditKind Kind, Tok A, Tok B)> MovedTokens(Paragraph from, Paragraph to)
        {
            var ta = _movedA;
            var tb = _movedB;
            ta.Clear();
            tb.Clear();
            TokenizeRange(_a, from.Start, from.End, ta);
            TokenizeRange(_b, to.Start, to.End, tb);
            var deleted = _movedDeleted = Grown(_movedDeleted, ta.Count);
            var inserted = _movedInserted = Grown(_movedInserted, tb.Count);
            Array.Clear(deleted, 0, ta.Count);
            Array.Clear(inserted, 0, tb.Count);
            DiffTokens(ta, tb, deleted, inserted);
            var result = _moved;
            result.Clear();
            int i = 0, j = 0;
            while (i < ta.Count || j < tb.Count)
            {
                if (i < ta.Count && deleted[i])
                {
                    result.Add((EditKind.Delete, ta[i++], default));
                }
                else if (j < tb.Count && inserted[j])
                {
                    result.Add((EditKind.Insert, default, tb[j++]));
                }
                else
                {
                    result.Add((EditKind.Equal, ta[i++], tb[j++]));
                }
            }
            return result;
        }

        private readonly List<Tok> _movedA = [];
        private readonly List<Tok> _movedB = [];
        private bool[] _movedDeleted = [];
        private bool[] _movedInserted = [];
        private readonly List<(EditKind Kind, Tok A, Tok B)> _moved = [];

        // A run that is one contiguous range of its source becomes a substring, without a StringBuilder copy.
        private string? _rangeSource;
        private int _rangeStart;
        private int _rangeEnd;

        private void Append(EditKind kind, string source, int start, int length, int moveId)
        {
            if (length == 0)
            {
                return;
            }
            var pending = _rangeSource is not null || _pending.Length > 0;
            if (pending && (kind != _pendingKind || moveId != _pendingMove))
            {
                Flush();
                pending = false;
            }
            _pendingKind = kind;
            _pendingMove = moveId;
            if (!pending)
            {
                _rangeSource = source;
                _rangeStart = start;
                _rangeEnd = start + length;
                return;
            }
            if (_rangeSource is not null)
            {
                if (ReferenceEquals(_rangeSource, source) && _rangeEnd == start)
                {
                    _rangeEnd += length;
                    return;
                }
                _pending.Append(_rangeSource, _rangeStart, _rangeEnd - _rangeStart);
                _rangeSource = null;
            }
            _pending.Append(source, start, length);
        }

        private void Flush()
        {
            if (_rangeSource is not null)
            {
                _runs.Add(new EditRun(_pendingKind, _rangeSource.Substring(_rangeStart, _rangeEnd - _rangeStart), _pendingMove));
                _rangeSource = null;
            }
            else if (_pending.Length > 0)
            {
                _runs.Add(new EditRun(_pendingKind, _pending.ToString(), _pendingMove));
                _pending.Clear();
            }
        }
    }
}

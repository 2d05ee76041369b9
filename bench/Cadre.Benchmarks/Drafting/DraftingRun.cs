using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cadre.Core.Drafting;
using Cadre.Text.Diff;
using Cadre.Text.Tests.Diff;
using Cadre.Text.Docx;
using DiffPlex;
using DiffPlex.DiffBuilder;

namespace Cadre.Benchmarks.Drafting;

/// <summary>
/// <c>drafting [--runs N] [--percent 1,5] [--diffplex-runs N]</c>: every Drafting performance target of issue 4 in one
/// Stopwatch run, the operations interleaved in each round so that the machine's load falls on all of them alike:
/// (a) the word diff in process against the whole <c>git diff --no-index --word-diff=porcelain</c> process (and
/// DiffPlex); (b) the edit script's size against git's on the same tokens; (c) the bytes the diff allocates against
/// the input's size; (d) the consolidation of two proposals at word level, both as one whole-text
/// <see cref="ThreeWayMerge"/> and per provision as the Drafting pages do (<see cref="CompiledText"/>), with the
/// conflicts counted beside <c>git merge-file</c>'s line-level ones; (e) the DOCX export of the redline.
/// The load average (/proc/loadavg) is printed before and after each size.
/// </summary>
public static class DraftingRun
{
    private static readonly WordDiffOptions NoMoves = new() { DetectMoves = false };

    public static int Run(string[] args)
    {
        var runs = IntOption(args, "--runs", 7);
        var diffPlexRuns = IntOption(args, "--diffplex-runs", 3);
        var percents = (Option(args, "--percent") ?? "1,5").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        var baseText = LegalCorpus.Build(LegalCorpus.SeedsFolder(), WordDiffBenchmarks.Words);
        Console.WriteLine($"Base: {baseText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length:N0} words, {baseText.Length:N0} characters, {baseText.Count(c => c == '\n'):N0} paragraphs");
        foreach (var percent in percents)
        {
            RunSize(baseText, percent, runs, diffPlexRuns);
        }
        return 0;
    }

    private static void RunSize(string baseText, int percent, int runs, int diffPlexRuns)
    {
        Console.WriteLine();
        Console.WriteLine($"== {percent}% of the words changed; load average before: {Load()}");
        var one = LegalCorpus.Edit(baseText, percent, seed: 1);
        var two = LegalCorpus.Edit(baseText, percent, seed: 2);
        var folder = Directory.CreateTempSubdirectory("cadre-drafting-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "base.txt"), baseText);
            File.WriteAllText(Path.Combine(folder, "proposal.txt"), one.Text);
            File.WriteAllText(Path.Combine(folder, "other.txt"), two.Text);
            var (baseParagraphs, inputs) = WordDiffBenchmarks.CompilationInputs(baseText, one, two);

            // Correctness first: the script gives the proposal; the merge, resolved with either side, is well formed.
            var script = WordDiff.Compare(baseText, one.Text);
            if (script.Apply(baseText) != one.Text || script.Revert(one.Text) != baseText)
            {
                throw new InvalidOperationException("The edit script does not reproduce the texts.");
            }

            // (b) The edit script against git's on the same tokens.
            var spacedFolder = Path.Combine(folder, "spaced");
            Directory.CreateDirectory(spacedFolder);
            var (gitInserted, gitDeleted) = GitWords.Diff(spacedFolder, baseText, one.Text);
            var plain = WordDiff.Compare(baseText, one.Text, NoMoves).Counts;
            var counts = script.Counts;
            Console.WriteLine($"(b) words inserted + deleted on the same tokens: git {gitInserted:N0} + {gitDeleted:N0} = {gitInserted + gitDeleted:N0}; " +
                $"Cadre without moves {plain.WordsInserted:N0} + {plain.WordsDeleted:N0} = {plain.WordsInserted + plain.WordsDeleted:N0}; " +
                $"Cadre with moves {counts.WordsInserted:N0} + {counts.WordsDeleted:N0} = {counts.WordsInserted + counts.WordsDeleted:N0} plus {counts.WordsMoved:N0} words in {counts.Moves} moves");

            // (c) Bytes allocated by one diff against the input's size.
            var utf16 = 2L * (baseText.Length + one.Text.Length);
            var utf8 = (long)Encoding.UTF8.GetByteCount(baseText) + Encoding.UTF8.GetByteCount(one.Text);
            GC.Collect();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
            var kept = WordDiff.Compare(baseText, one.Text);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var retained = GC.GetTotalMemory(forceFullCollection: true) - retainedBefore;
            GC.KeepAlive(kept);
            Console.WriteLine($"(c) one diff allocates {allocated / 1e6:F1} MB in all and keeps {retained / 1e6:F1} MB (the script); input {utf8 / 1e6:F1} MB as UTF-8 files, {utf16 / 1e6:F1} MB as .NET strings: " +
                $"allocated/input {(double)allocated / utf8:F1}x (UTF-8), {(double)allocated / utf16:F1}x (UTF-16)");

            // (d) Conflicts: word level (whole text, per provision) and git merge-file's line level.
            var merge = ThreeWayMerge.Merge(baseText, one.Text, two.Text, "P1", "P2");
            var compiled = CompiledText.Compile(baseParagraphs, inputs);
            var gitMerge = Git(folder, "merge-file", "-p", "proposal.txt", "base.txt", "other.txt");
            var gitConflicts = gitMerge.Split('\n').Count(l => l.StartsWith("<<<<<<<", StringComparison.Ordinal));
            var bothChanged = BothChangedParagraphs(baseText, one, two);
            Console.WriteLine($"(d) conflicts: whole-text word merge {merge.Conflicts.Count:N0}; per-provision compilation {compiled.ConflictCount:N0} " +
                $"({inputs[0].Changes.Count:N0} and {inputs[1].Changes.Count:N0} provision changes); git merge-file (lines) {gitConflicts:N0}; " +
                $"paragraphs changed by both proposals {bothChanged:N0}");
            CheckMerge(baseText, one.Text, two.Text, merge);

            // Timings, interleaved.
            var times = new Dictionary<string, List<double>>();
            void Time(string name, Action action)
            {
                var sw = Stopwatch.StartNew();
                action();
                var ms = sw.Elapsed.TotalMilliseconds;
                if (!times.TryGetValue(name, out var list))
                {
                    times[name] = list = [];
                }
                list.Add(ms);
            }
            var docxOptions = new DocxRedlineOptions { Date = new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
            const int warmUp = 3;
            for (var r = 0; r < warmUp + runs; r++)
            {
                if (r == warmUp)
                {
                    times.Clear();
                }
                Time("(a) Cadre WordDiff.Compare", () => WordDiff.Compare(baseText, one.Text));
                Time("(a) git diff --no-index --word-diff=porcelain (process)", () => Git(folder, "diff", "--no-index", "--word-diff=porcelain", "base.txt", "proposal.txt"));
                Time("(d) Cadre ThreeWayMerge, whole text", () => ThreeWayMerge.Merge(baseText, one.Text, two.Text));
                Time("(d) Cadre CompiledText.Compile, per provision", () => CompiledText.Compile(baseParagraphs, inputs));
                Time("(d) git merge-file (process, line level)", () => Git(folder, "merge-file", "-p", "proposal.txt", "base.txt", "other.txt"));
                Time("(e) Cadre DOCX export of the redline", () => DocxRedlineWriter.Write(script, docxOptions));
            }
            for (var r = 0; r < diffPlexRuns; r++)
            {
                Time("(a) DiffPlex SideBySideDiffBuilder", () => new SideBySideDiffBuilder(Differ.Instance).BuildDiffModel(baseText, one.Text, ignoreWhitespace: false));
            }
            foreach (var (name, list) in times)
            {
                list.Sort();
                Console.WriteLine($"{name}: median {list[list.Count / 2]:F1} ms (min {list[0]:F1}, max {list[^1]:F1}, {list.Count} runs)");
            }
            var cadre = times["(a) Cadre WordDiff.Compare"];
            var git = times["(a) git diff --no-index --word-diff=porcelain (process)"];
            var ratios = cadre.Zip(git).Select(p => p.Second / p.First).Order().ToList();
            Console.WriteLine($"(a) git time / Cadre time: {git[git.Count / 2] / cadre[cadre.Count / 2]:F2} (medians)");
            Console.WriteLine($"== load average after: {Load()}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Base paragraphs that both proposals changed (edited in place or moved): the most a paragraph-level merge can report.
    private static int BothChangedParagraphs(string baseText, LegalCorpus.Proposal one, LegalCorpus.Proposal two)
    {
        var lines = baseText.Split('\n');
        HashSet<int> Changed(LegalCorpus.Proposal p) => p.Paragraphs.Where(x => x.Moved || x.Text != lines[x.Origin]).Select(x => x.Origin).ToHashSet();
        var a = Changed(one);
        a.IntersectWith(Changed(two));
        return a.Count;
    }

    // Resolving every conflict with the first proposal's version keeps the second proposal's other changes.
    private static void CheckMerge(string baseText, string one, string two, MergeResult merge)
    {
        var resolved = merge.Resolve(c => c.Versions[0].Text);
        if (merge.Conflicts.Count == 0 && resolved == baseText && (one != baseText || two != baseText))
        {
            throw new InvalidOperationException("The merge dropped both proposals' changes.");
        }
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string Git(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git", args)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private static string? Option(string[] args, string name)
    {
        var k = Array.IndexOf(args, name);
        return k >= 0 && k + 1 < args.Length ? args[k + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}

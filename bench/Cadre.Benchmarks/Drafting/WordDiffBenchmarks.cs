using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cadre.Core.Drafting;
using Cadre.Text.Diff;
using Cadre.Text.Docx;
using DiffPlex;
using DiffPlex.DiffBuilder;

namespace Cadre.Benchmarks.Drafting;

/// <summary>
/// Word diff of a 300,000-word legal document against a proposal with 1% or 5% of its words changed:
/// Cadre's engine in process, DiffPlex in process (lines, then words in changed lines), and
/// <c>git diff --no-index --word-diff=porcelain</c> as a whole process, in the same run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class WordDiffBenchmarks
{
    // In process: the shared build machines are too loaded for BenchmarkDotNet's generated project to build
    // within its time limit, and git runs as a child process either way.
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8));
    }

    public const int Words = 300_000;

    private string _base = "";
    private string _proposal = "";
    private string _otherProposal = "";
    private string _folder = "";
    private EditScript _script = null!;
    private IReadOnlyList<string> _baseParagraphs = [];
    private IReadOnlyList<CompilationInput> _inputs = [];

    [Params(1, 5)]
    public int ChangedPercent { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _base = LegalCorpus.Build(LegalCorpus.SeedsFolder(), Words);
        var proposal = LegalCorpus.Edit(_base, ChangedPercent, seed: 1);
        var otherProposal = LegalCorpus.Edit(_base, ChangedPercent, seed: 2);
        _proposal = proposal.Text;
        _otherProposal = otherProposal.Text;
        _folder = Path.Combine(Path.GetTempPath(), $"cadre-bench-{Environment.ProcessId}-{ChangedPercent}");
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "base.txt"), _base);
        File.WriteAllText(Path.Combine(_folder, "proposal.txt"), _proposal);
        _script = WordDiff.Compare(_base, _proposal);
        (_baseParagraphs, _inputs) = CompilationInputs(_base, proposal, otherProposal);
        if (_script.Apply(_base) != _proposal)
        {
            throw new InvalidOperationException("The edit script does not reproduce the proposal.");
        }
        var git = GitCounts(RunGit());
        var c = _script.Counts;
        Console.WriteLine($"// Drafting {ChangedPercent}%: base {_base.Length:N0} chars; Cadre words kept {c.WordsKept:N0}, inserted {c.WordsInserted:N0}, deleted {c.WordsDeleted:N0}, moved {c.WordsMoved:N0} in {c.Moves} moves; " +
            $"chars changed Cadre {ChangedChars(_script):N0} vs git {git.ChangedChars:N0}; git words kept {git.Kept:N0}, inserted {git.Inserted:N0}, deleted {git.Deleted:N0}");
        foreach (var (name, median) in QuickTiming.Run(_base, _proposal, _folder))
        {
            Console.WriteLine($"// Drafting {ChangedPercent}%: Stopwatch median of 9 runs after 5 warm-up runs, {name}: {median:F1} ms");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "Cadre WordDiff.Compare")]
    public EditScript Cadre() => WordDiff.Compare(_base, _proposal);

    [Benchmark(Description = "DiffPlex SideBySideDiffBuilder")]
    public object DiffPlexWords() => new SideBySideDiffBuilder(Differ.Instance).BuildDiffModel(_base, _proposal, ignoreWhitespace: false);

    [Benchmark(Description = "git diff --no-index --word-diff=porcelain (process)")]
    public int Git() => RunGit().Length;

    [Benchmark(Description = "Cadre ThreeWayMerge of two proposals")]
    public int Merge() => ThreeWayMerge.Merge(_base, _proposal, _otherProposal).Conflicts.Count;

    [Benchmark(Description = "Cadre per-provision compilation of two proposals (Drafting CompiledText)")]
    public int Compilation() => CompiledText.Compile(_baseParagraphs, _inputs).ConflictCount;

    [Benchmark(Description = "Cadre DOCX export of the redline")]
    public int Docx() => DocxRedlineWriter.Write(_script, new DocxRedlineOptions { Date = new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc) }).Length;

    /// <summary>
    /// The proposals as provision changes, as a Delegate would enter them: a MOD for each paragraph edited in
    /// place, and for a moved paragraph a SUP where it was and an ADD after the base paragraph it now follows.
    /// Checks that applying the changes gives each proposal's text.
    /// </summary>
    public static (IReadOnlyList<string> Base, IReadOnlyList<CompilationInput> Inputs) CompilationInputs(string baseText, params LegalCorpus.Proposal[] proposals)
    {
        var baseParagraphs = DraftingText.Paragraphs(baseText);
        var inputs = new List<CompilationInput>();
        for (var k = 0; k < proposals.Length; k++)
        {
            var changes = new List<ProvisionChange>();
            var after = 0;
            foreach (var p in proposals[k].Paragraphs)
            {
                if (p.Moved)
                {
                    changes.Add(new ProvisionChange(ProvisionAction.Sup, p.Origin + 1, Reason: "moved"));
                    changes.Add(new ProvisionChange(ProvisionAction.Add, after, p.Text));
                    continue;
                }
                if (!string.Equals(baseParagraphs[p.Origin], p.Text, StringComparison.Ordinal))
                {
                    changes.Add(new ProvisionChange(ProvisionAction.Mod, p.Origin + 1, p.Text));
                }
                after = p.Origin + 1;
            }
            if (!ProvisionChanges.Apply(baseParagraphs, changes).SequenceEqual(DraftingText.Paragraphs(proposals[k].Text), StringComparer.Ordinal))
            {
                throw new InvalidOperationException($"The provision changes of proposal {k + 1} do not give its text.");
            }
            inputs.Add(new CompilationInput(k + 1, $"P{k + 1}", [$"M{k + 1}"], changes));
        }
        return (baseParagraphs, inputs);
    }

    private string RunGit()
    {
        var start = new ProcessStartInfo("git", ["diff", "--no-index", "--word-diff=porcelain", "base.txt", "proposal.txt"])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private static long ChangedChars(EditScript script) =>
        script.Runs.Where(r => r.Kind is EditKind.Insert or EditKind.Delete).Sum(r => (long)r.Text.Count(ch => !char.IsWhiteSpace(ch)));

    private static (long Kept, long Inserted, long Deleted, long ChangedChars) GitCounts(string porcelain)
    {
        long kept = 0, inserted = 0, deleted = 0, chars = 0;
        var inHunks = false;
        foreach (var line in porcelain.Split('\n'))
        {
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                inHunks = true;
                continue;
            }
            if (!inHunks || line.Length == 0)
            {
                continue;
            }
            var words = line[1..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            switch (line[0])
            {
                case ' ': kept += words; break;
                case '+':
                    inserted += words;
                    chars += line[1..].Count(ch => !char.IsWhiteSpace(ch));
                    break;
                case '-':
                    deleted += words;
                    chars += line[1..].Count(ch => !char.IsWhiteSpace(ch));
                    break;
                default: break;
            }
        }
        return (kept, inserted, deleted, chars);
    }
}

using System.Diagnostics;
using Cadre.Text.Diff;

namespace Cadre.Benchmarks.Drafting;

/// <summary>
/// Stopwatch medians over several runs of the engine and of the git process, printed by the benchmark's setup
/// next to BenchmarkDotNet's own figures (git's time includes starting the process and reading its output).
/// </summary>
public static class QuickTiming
{
    public static IReadOnlyList<(string Name, double MedianMs)> Run(string baseText, string proposal, string folder, int runs = 9)
    {
        var results = new List<(string, double)>
        {
            ("Cadre WordDiff.Compare", Median(runs, () => WordDiff.Compare(baseText, proposal))),
            ("git diff --no-index --word-diff=porcelain", Median(runs, () =>
            {
                using var p = Process.Start(new ProcessStartInfo("git", ["diff", "--no-index", "--word-diff=porcelain", "base.txt", "proposal.txt"])
                {
                    WorkingDirectory = folder,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                })!;
                p.StandardOutput.ReadToEnd();
                p.WaitForExit();
            })),
        };
        return results;
    }

    private static double Median(int runs, Action action)
    {
        // Warm up first: the engine's first calls run unoptimized (tiered JIT) code.
        for (var k = 0; k < 5; k++)
        {
            action();
        }
        var times = new List<double>();
        for (var k = 0; k < runs; k++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}

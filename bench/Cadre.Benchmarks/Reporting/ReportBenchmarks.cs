using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Reporting.Writers;

namespace Cadre.Benchmarks.Reporting;

/// <summary>
/// The annual report of a synthetic plan of 500 elements and 2,000 indicators (SampleReportSource.Synthetic),
/// built into the report model and written as DOCX, HTML and XLSX. Targets (issue 7): DOCX under 5 s, HTML
/// under 1 s, memory under 500 MB.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class ReportBenchmarks
{
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8));
    }

    private ReportSourceData _data = null!;
    private ReportDocument _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = SampleReportSource.Synthetic(500, 2000).Data;
        _report = ReportRun.Build(_data);
    }

    [Benchmark]
    public ReportDocument Build_model() => ReportRun.Build(_data);

    [Benchmark]
    public byte[] Docx() => DocxReportWriter.Write(_report);

    [Benchmark]
    public byte[] Html() => HtmlReportWriter.Write(_report);

    [Benchmark]
    public byte[] Xlsx() => XlsxReportWriter.Write(_report);
}

/// <summary>
/// `Cadre.Benchmarks.dll report`: a quick Stopwatch run of the same work (model built from the source, then
/// each format, the model included in each format's time), median of N runs after warm-up, with the bytes
/// allocated per run and the process's peak working set. Prints a Markdown table.
/// </summary>
public static class ReportRun
{
    public static ReportDocument Build(ReportSourceData data) =>
        ReportBuilder.Build(data, new ReportBuildOptions(ReportKind.Annual, 2025, "en", 1, "Draft",
            new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc), null, new SampleChartRenderer()));

    public static int Run(string[] args)
    {
        var elements = Option(args, "--elements", 500);
        var indicators = Option(args, "--indicators", 2000);
        var runs = Option(args, "--runs", 7);
        var data = SampleReportSource.Synthetic(elements, indicators).Data;
        var report = Build(data);
        Console.WriteLine($"Synthetic plan: {data.Elements.Count} elements, {data.Elements.Sum(e => e.Indicators.Count)} indicators; " +
            $"{report.Sections.Count} sections, {report.AllTables().Count()} tables, {report.Sections.SelectMany(s => s.Blocks).OfType<ReportFigure>().Count()} figures; " +
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine();
        Console.WriteLine("| step | median ms | min ms | max ms | allocated MB per run | output KB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Measure("Model built from the source (charts included)", runs, () => Build(data), _ => 0);
        Measure("DOCX (model + writer)", runs, () => DocxReportWriter.Write(Build(data)), b => b.Length);
        Measure("HTML (model + writer)", runs, () => HtmlReportWriter.Write(Build(data)), b => b.Length);
        Measure("XLSX (model + writer)", runs, () => XlsxReportWriter.Write(Build(data)), b => b.Length);
        Measure("DOCX writer alone", runs, () => DocxReportWriter.Write(report), b => b.Length);
        Measure("HTML writer alone", runs, () => HtmlReportWriter.Write(report), b => b.Length);
        Measure("XLSX writer alone", runs, () => XlsxReportWriter.Write(report), b => b.Length);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine();
        Console.WriteLine($"Peak working set of the whole run: {self.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB");
        return 0;
    }

    private static void Measure<T>(string name, int runs, Func<T> action, Func<T, int> size)
    {
        var result = action();
        action(); // warm-up (tiered JIT)
        var times = new List<double>();
        long allocated = 0;
        for (var k = 0; k < runs; k++)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();
            result = action();
            sw.Stop();
            allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(inv, "| {0} | {1:F0} | {2:F0} | {3:F0} | {4:F0} | {5:N0} |",
            name, times[times.Count / 2], times[0], times[^1], allocated / (double)runs / 1024 / 1024, size(result) / 1024));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

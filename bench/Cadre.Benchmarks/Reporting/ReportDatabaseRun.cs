using System.Diagnostics;
using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Finance;
using Cadre.Core.Planning;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Reporting.Sources;
using Cadre.Core.Reporting.Writers;
using Cadre.Core.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cadre.Benchmarks.Reporting;

/// <summary>
/// `Cadre.Benchmarks.dll report-db`: the annual report of a plan of 500 elements and 2,000 indicators stored in a
/// SQLite database (indicators with yearly targets and two validated values, a financial plan with attribution keys
/// and expenditure, a risk per goal), loaded through <see cref="PlanReportSource"/> (Results' progress engine and
/// Finance's attribution, a fresh cache each run), built with the ScottPlot charts as the product's generation job
/// builds it (one progress chart per top-level element summarising its subtree, drawn as PNG, and the yearly series as
/// compact tables) and written as DOCX, HTML and XLSX (no charts). Each DOCX and HTML run gets a new renderer, so its
/// charts are drawn, not taken from the cache; one more line shows the HTML of a report whose DOCX was just made (the
/// product's singleton renderer then hands back the same images). Median of N runs after a warm-up; peak working set.
/// </summary>
public static class ReportDatabaseRun
{
    private const string PlanCode = "BENCH-REPORT";

    public static async Task<int> RunAsync(string[] args)
    {
        if (Array.IndexOf(args, "--chart-cost") >= 0) return ChartCost.Run(Option(args, "--chart-cost", 50));
        var elements = Option(args, "--elements", 500);
        var indicators = Option(args, "--indicators", 2000);
        var runs = Option(args, "--runs", 5);
        var figureDepth = Option(args, "--figure-depth", 0);
        var seriesDepth = Option(args, "--series-depth", 1);
        var folder = Directory.CreateTempSubdirectory("cadre-bench-report-");
        var file = Path.Combine(folder.FullName, "report.db");
        try
        {
            var seed = Stopwatch.StartNew();
            await SeedAsync(file, elements, indicators);
            Console.WriteLine($"Seeded {elements} elements and {indicators} indicators into SQLite in {seed.Elapsed.TotalSeconds:F1} s; " +
                $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, charts down to depth {figureDepth}, series tables down to depth {seriesDepth}");
            async Task<ReportDocument> BuildAsync(IReportChartRenderer? charts)
            {
                await using var db = Context(file);
                var source = new PlanReportSource(db, new ProgressService(db, new MemoryCache(new MemoryCacheOptions())));
                var data = (await source.LoadAsync(PlanCode, ReportKind.Annual, 2025))!;
                return ReportBuilder.Build(data, new ReportBuildOptions(ReportKind.Annual, 2025, "en", 1, "Draft",
                    new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc), null, charts, FigureMaxDepth: figureDepth, SeriesMaxDepth: seriesDepth,
                    Images: ReportImageFormats.Png));
            }
            var counter = new ScottPlotChartRenderer();
            var sample = await BuildAsync(counter);
            Console.WriteLine($"{sample.Sections.Count} sections, {sample.AllTables().Count()} tables, " +
                $"{sample.Sections.SelectMany(s => s.Blocks).OfType<ReportFigure>().Count()} figures ({counter.Drawn} ScottPlot charts drawn)");
            Console.WriteLine();
            Console.WriteLine("| step | median ms | min ms | max ms | allocated MB per run | output KB |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            await MeasureAsync("Load from SQLite through PlanReportSource", runs, async () =>
            {
                await using var db = Context(file);
                return (await new PlanReportSource(db, new ProgressService(db, new MemoryCache(new MemoryCacheOptions()))).LoadAsync(PlanCode, ReportKind.Annual, 2025))!;
            }, _ => 0);
            await MeasureAsync("Load + model, no charts", runs, async () => await BuildAsync(null), _ => 0);
            await MeasureAsync("Load + model + PNG charts drawn (new renderer)", runs, async () => await BuildAsync(new ScottPlotChartRenderer()), _ => 0);
            await MeasureAsync("DOCX (load + model + PNG charts drawn + writer)", runs, async () => DocxReportWriter.Write(await BuildAsync(new ScottPlotChartRenderer())), b => b.Length);
            await MeasureAsync("HTML (load + model + PNG charts drawn + writer)", runs, async () => HtmlReportWriter.Write(await BuildAsync(new ScottPlotChartRenderer())), b => b.Length);
            var shared = new ScottPlotChartRenderer();
            DocxReportWriter.Write(await BuildAsync(shared));
            await MeasureAsync("HTML after the DOCX (load + model + charts from the renderer's cache + writer)", runs, async () => HtmlReportWriter.Write(await BuildAsync(shared)), b => b.Length);
            await MeasureAsync("XLSX (load + model + writer, no charts)", runs, async () => XlsxReportWriter.Write(await BuildAsync(null)), b => b.Length);
            var built = await BuildAsync(new ScottPlotChartRenderer());
            await MeasureAsync("DOCX writer alone", runs, () => Task.FromResult(DocxReportWriter.Write(built)), b => b.Length);
            await MeasureAsync("HTML writer alone", runs, () => Task.FromResult(HtmlReportWriter.Write(built)), b => b.Length);
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            Console.WriteLine();
            Console.WriteLine($"Peak working set of the whole run: {self.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static CadreDbContext Context(string file)
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={file}");
        return new CadreDbContext(options.Options, FixedActor.System);
    }

    /// <summary>A plan of four levels (a quarter of the elements each), indicators at random elements with yearly
    /// targets and validated values for 2024 and 2025, a financial plan with keys and expenditure, a risk per goal.</summary>
    private static async Task SeedAsync(string file, int elementCount, int indicatorCount)
    {
        await using var db = Context(file);
        await db.Database.MigrateAsync();
        var random = new Random(11);
        var plan = new Plan
        {
            Kind = PlanKind.Strategic, Code = PlanCode, Title = new LocalizedText("Benchmark plan", "Plan de mesure"), OriginalLanguage = "en",
            StartYear = 2024, EndYear = 2027, Status = PlanStatus.Adopted, Levels = FrameworkTemplates.Create(FrameworkTemplates.ItuStrategic)!,
        };
        var level = plan.Levels.ToDictionary(l => l.Code);
        var names = new[] { "goal", "target", "outcome", "output" };
        var perLevel = Math.Max(1, elementCount / 4);
        var byDepth = new List<PlanElement>[4] { [], [], [], [] };
        for (var depth = 0; depth < 4; depth++)
        {
            var count = depth == 3 ? elementCount - (3 * perLevel) : perLevel;
            for (var k = 0; k < count; k++)
            {
                var parent = depth == 0 ? null : byDepth[depth - 1][random.Next(byDepth[depth - 1].Count)];
                var code = (parent is null ? "" : parent.Code + ".") + (k + 1).ToString(CultureInfo.InvariantCulture);
                var e = new PlanElement { Code = code, Title = new LocalizedText($"Element {code}", $"Élément {code}"), Level = level[names[depth]], Parent = parent, SortOrder = k };
                plan.Elements.Add(e);
                byDepth[depth].Add(e);
            }
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var all = byDepth.SelectMany(x => x).ToList();
        var submitted = new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var k = 0; k < indicatorCount; k++)
        {
            var baseline = random.Next(0, 60);
            var target = baseline + random.Next(10, 40);
            var indicator = new Indicator
            {
                PlanId = plan.Id, ElementId = all[random.Next(all.Count)].Id, Code = "I" + k.ToString("D4", CultureInfo.InvariantCulture),
                Name = new LocalizedText($"Indicator {k}", $"Indicateur {k}"), Measure = Measure.Percentage, Unit = "%", Direction = Direction.Increase,
                BaselineValue = baseline, BaselineYear = 2023, EndTarget = target, Frequency = Frequency.Annual, SortOrder = k,
            };
            for (var y = 2024; y <= 2027; y++)
            {
                indicator.Targets.Add(new IndicatorTarget { Period = y.ToString(CultureInfo.InvariantCulture), Year = y, Value = baseline + ((target - baseline) * (y - 2023) / 4m) });
            }
            db.Indicators.Add(indicator);
            for (var y = 2024; y <= 2025; y++)
            {
                if (random.Next(8) == 0) continue;
                var period = y.ToString(CultureInfo.InvariantCulture);
                db.ReportedValues.Add(new ReportedValue
                {
                    Indicator = indicator, Period = period, Year = y, SeriesKey = ReportedValue.KeyOf(period, null),
                    Value = baseline + Math.Round((decimal)random.NextDouble() * (target - baseline) * (y - 2023) / 3m, 1),
                    Status = ValueStatus.Validated, SubmittedById = "bench", SubmittedBy = "bench", SubmittedAtUtc = submitted,
                });
            }
            if (k % 200 == 199) await db.SaveChangesAsync();
        }
        await db.SaveChangesAsync();

        var fp = new FinancialPlan { PlanId = plan.Id };
        foreach (var unit in FinanceUnits.All)
        {
            for (var y = 2024; y <= 2027; y++) fp.Lines.Add(new FinancialPlanLine { Kind = LineKind.Expense, Category = unit, Year = y, Amount = random.Next(20_000, 60_000) * 1000m });
        }
        db.FinancialPlans.Add(fp);
        await db.SaveChangesAsync();
        foreach (var unit in FinanceUnits.All)
        {
            var shares = byDepth[1].OrderBy(_ => random.Next()).Take(30).Select(e => new AttributionShare { ElementId = e.Id, Value = random.Next(1, 10) }).ToList();
            db.UnitAttributions.Add(new UnitAttribution { FinancialPlanId = fp.Id, Unit = unit, Method = AttributionMethod.Driver, Shares = shares });
        }
        var budget = new Budget { FinancialPlanId = fp.Id, StartYear = 2024, EndYear = 2025 };
        db.Budgets.Add(budget);
        await db.SaveChangesAsync();
        foreach (var unit in FinanceUnits.All)
        {
            for (var y = 2024; y <= 2025; y++)
            {
                db.Expenditures.Add(new Expenditure { BudgetId = budget.Id, Year = y, Unit = unit, Category = CostCategory.Staff, Amount = random.Next(10_000, 40_000) * 1000m, ImportedAtUtc = submitted });
            }
        }
        foreach (var goal in byDepth[0])
        {
            db.Risks.Add(new Risk
            {
                PlanId = plan.Id, ElementId = goal.Id, Code = "R-" + goal.Code, Title = new LocalizedText($"Risk of {goal.Code}", $"Risque de {goal.Code}"),
                Category = RiskCategory.Operational, Cause = new("Cause", "Cause"), Consequence = new("Consequence", "Conséquence"), Likelihood = random.Next(1, 6), Impact = random.Next(1, 6),
                Owner = "Owner", Response = RiskResponse.Reduce, Actions = new("Mitigation plan", "Plan d'atténuation"), Status = RiskStatus.Open,
            });
        }
        await db.SaveChangesAsync();
    }

    private static async Task MeasureAsync<T>(string name, int runs, Func<Task<T>> action, Func<T, int> size)
    {
        var result = await action(); // warm-up (tiered JIT)
        var times = new List<double>();
        long allocated = 0;
        for (var k = 0; k < runs; k++)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();
            result = await action();
            sw.Stop();
            allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:F0} | {2:F0} | {3:F0} | {4:F0} | {5:N0} |",
            name, times[times.Count / 2], times[0], times[^1], allocated / (double)runs / 1024 / 1024, size(result) / 1024));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

using BenchmarkDotNet.Running;

// `-- pages`: the Planning pages served by the real web host beside an empty Kestrel endpoint (Planning/PagesBenchmark.cs).
if (args.Length > 0 && args[0] == "results-pages") return await Cadre.Benchmarks.ResultsProgress.DashboardPagesBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "results") return await Cadre.Benchmarks.ResultsProgress.ResultsBenchmark.RunAsync(args[1..]);
// `-- search [documents]`: the document registry search over 100,000 documents on SQLite and PostgreSQL (Governance/DocumentSearchBenchmark.cs).
if (args.Length > 0 && args[0] == "search") return await Cadre.Benchmarks.Governance.DocumentSearchBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "pages") return await Cadre.Benchmarks.Planning.PagesBenchmark.RunAsync(args[1..]);
// `-- report`: the annual report of a 500-element, 2,000-indicator plan as DOCX, HTML and XLSX (Reporting/ReportBenchmarks.cs).
if (args.Length > 0 && args[0] == "report") return Cadre.Benchmarks.Reporting.ReportRun.Run(args[1..]);
// `-- report-db`: the same report loaded from a SQLite database through PlanReportSource, with the ScottPlot charts.
if (args.Length > 0 && args[0] == "report-db") return await Cadre.Benchmarks.Reporting.ReportDatabaseRun.RunAsync(args[1..]);
// `-- drafting [--runs N] [--percent 1,5]`: every Drafting performance target (word diff, script size, memory, merge, DOCX) in one Stopwatch run (Drafting/DraftingRun.cs).
if (args.Length > 0 && args[0] == "drafting") return Cadre.Benchmarks.Drafting.DraftingRun.Run(args[1..]);

// Otherwise a plain switcher over every benchmark in this assembly: `dotnet run -c Release --project bench/Cadre.Benchmarks -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

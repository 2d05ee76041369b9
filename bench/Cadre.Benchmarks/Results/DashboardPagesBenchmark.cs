using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Benchmarks.ResultsProgress;

/// <summary>
/// <c>dotnet build -c Release src/Cadre.Web &amp;&amp; dotnet bench/Cadre.Benchmarks/bin/Release/net10.0/Cadre.Benchmarks.dll results-pages [INDICATORS]</c>:
/// the Results plan dashboard served by the real web host (a separate process, SQLite, production settings), for the demo
/// plan and for a synthetic plan (default 100,000 indicators × 10 yearly values, 10% missing, on 10 × 10 × 100 elements).
/// Sequential GETs by an anonymous visitor of the published plan; medians and p99 after warm-up. Two ways:
/// <list type="bullet">
/// <item>the same address again and again (served from the output cache for anonymous visitors, ADR 3);</item>
/// <item>a page of indicator panels at a new address each time (<c>?page=N&amp;run=R-K</c>: the output cache keys on the
/// whole query string, and <c>run</c>, which the page ignores, is unique per request), so that every request misses the
/// output cache and renders the page: the plan's progress comes from <c>ProgressService</c>'s cache, the ten panels'
/// values and charts are read and drawn per request. (Before session 6 the address was the page number only, so the
/// demo plan's three pages came from the output cache after the warm-up.)</item>
/// </list>
/// With each median, the web process's CPU time per timed request.
/// The first request after start-up, which computes the plan's progress from the database, is reported on its own.
/// </summary>
public static class DashboardPagesBenchmark
{
    private const int FirstYear = 2021;
    private const int Years = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var indicators = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var root = FindRepoRoot();
        // CADRE_BENCH_WEB_DLL=PATH: another build of the web app (an older commit's, to compare on the same data).
        var webDll = Environment.GetEnvironmentVariable("CADRE_BENCH_WEB_DLL") is { Length: > 0 } other ? Path.GetFullPath(other)
            : Path.Combine(root, "src/Cadre.Web/bin/Release/net10.0/Cadre.Web.dll");
        if (!File.Exists(webDll))
        {
            await Console.Error.WriteLineAsync($"Build the web app first: dotnet build -c Release src/Cadre.Web ({webDll} is missing)");
            return 2;
        }
        var work = Directory.CreateTempSubdirectory("cadre-bench-results-");
        try
        {
            var demoDb = Path.Combine(work.FullName, "demo.db");
            var demoPlan = await SeedDemoAsync(demoDb);
            var bigDb = Path.Combine(work.FullName, "big.db");
            var seed = Stopwatch.StartNew();
            var bigPlan = await SeedSyntheticAsync(bigDb, indicators);
            Console.WriteLine(FormattableString.Invariant($"Synthetic plan of {indicators:N0} indicators seeded in {seed.Elapsed.TotalSeconds:F0} s"));

            // CADRE_BENCH_WEB_DLL_BEFORE=PATH[:PATH...]: older builds of the web app, measured first, each in turn, on the same
            // databases in the same run (labelled [before 1], [before 2]... in that order; this build is [this build]).
            var before = (Environment.GetEnvironmentVariable("CADRE_BENCH_WEB_DLL_BEFORE") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            var builds = before.Length == 0 ? [("", webDll)]
                : before.Select((b, i) => ($"[before {i + 1}] ", Path.GetFullPath(b))).Append(("[this build] ", webDll)).ToArray();
            foreach (var (label, dll) in builds.Where(b => b.Item1.Length > 0)) Console.WriteLine($"{label}= {dll}");
            foreach (var (plan, db, planId, asOf) in new[] { ("demo plan", demoDb, demoPlan, 2025), ($"synthetic plan, {indicators:N0} indicators", bigDb, bigPlan, FirstYear + Years - 1) })
            {
                foreach (var (label, dll) in builds)
                {
                    var name = label + plan;
                    using var web = await WebProcess.StartAsync(dll, db);
                    using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(5) };
                    http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
                    var url = $"{web.Url}/Results/Plans/{planId}/Dashboard?asOf={asOf}";
                    var first = Stopwatch.StartNew();
                    var size = await GetAsync(http, url);
                    Console.WriteLine(FormattableString.Invariant($"{name}: first request (computes the plan's progress from the database) {first.Elapsed.TotalMilliseconds:F0} ms, {size / 1024.0:F0} KiB"));
                    var (median, p99, cpu) = await MeasureAsync(http, web, _ => url, requests);
                    Console.WriteLine(FormattableString.Invariant($"{name}: same address (output cache) median {median:F2} ms, p99 {p99:F2} ms; server CPU {cpu:F2} ms per request"));
                    var pages = plan.StartsWith("demo", StringComparison.Ordinal) ? 3 : Math.Max(2, indicators / 10);
                    // Every address is new (the output cache keys on the whole query string, and `run` is unique per
                    // request; the page ignores it), so every request renders the page: panels, values and charts.
                    var run = Guid.NewGuid().ToString("N")[..8];
                    var (median2, p992, cpu2) = await MeasureAsync(http, web, k => $"{url}&page={2 + (k % (pages - 1))}&run={run}-{k}", requests);
                    Console.WriteLine(FormattableString.Invariant($"{name}: a panel page rendered each time (new address, no output cache) median {median2:F2} ms, p99 {p992:F2} ms; server CPU {cpu2:F2} ms per request; server {web.Memory()}"));
                }
            }
            Console.WriteLine(FormattableString.Invariant($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}"));
            return 0;
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Median and p99 wall-clock time of sequential GETs after 20 warm-up ones, and the server process's CPU time (user + system) per timed request, which a loaded machine inflates much less.</summary>
    private static async Task<(double Median, double P99, double CpuPerRequest)> MeasureAsync(HttpClient http, WebProcess web, Func<int, string> url, int requests)
    {
        for (var k = 0; k < 20; k++) await GetAsync(http, url(k));
        var times = new double[requests];
        var cpu = web.CpuTime();
        for (var k = 0; k < requests; k++)
        {
            var sw = Stopwatch.StartNew();
            await GetAsync(http, url(1000 + k));
            times[k] = sw.Elapsed.TotalMilliseconds;
        }
        var cpuPerRequest = (web.CpuTime() - cpu).TotalMilliseconds / requests;
        Array.Sort(times);
        return (times[times.Length / 2], times[Math.Min(times.Length - 1, (int)Math.Ceiling(times.Length * 0.99) - 1)], cpuPerRequest);
    }

    private static async Task<long> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
        return (await response.Content.ReadAsByteArrayAsync()).LongLength;
    }

    private static async Task<int> SeedDemoAsync(string file)
    {
        await using var db = Context(file);
        await db.Database.MigrateAsync();
        await Cadre.Core.Demo.DemoData.LoadAsync(db);
        return await db.Plans.Where(p => p.Code == "ITU-SP-2024-2027").Select(p => p.Id).SingleAsync();
    }

    /// <summary>The plan and its elements through EF; the indicators and values with raw prepared inserts in one transaction.</summary>
    private static async Task<int> SeedSyntheticAsync(string file, int indicatorCount)
    {
        await using var db = Context(file);
        await db.Database.MigrateAsync();
        var plan = new Plan
        {
            Kind = PlanKind.Strategic,
            Code = "BENCH-RES",
            Title = new LocalizedText("Synthetic results plan", "Plan de résultats synthétique"),
            StartYear = FirstYear,
            EndYear = FirstYear + Years - 1,
            Status = PlanStatus.Adopted,
            AdoptedBy = "Benchmark",
            Levels = FrameworkTemplates.Create(FrameworkTemplates.ItuStrategic)!,
        };
        db.Plans.Add(plan);
        var level = plan.Levels.ToDictionary(l => l.Code);
        var outcomesPerTarget = Math.Max(1, indicatorCount / 1000);
        var leaves = new List<PlanElement>();
        for (var g = 0; g < 10; g++)
        {
            var goal = new PlanElement { Code = $"{g + 1}", Title = new LocalizedText($"Goal {g + 1}", $"But {g + 1}"), Level = level["priority"], SortOrder = g };
            plan.Elements.Add(goal);
            for (var t = 0; t < 10; t++)
            {
                var target = new PlanElement { Code = $"{g + 1}.{t + 1}", Title = new LocalizedText($"Target {g + 1}.{t + 1}", $"Cible {g + 1}.{t + 1}"), Level = level["outcome"], Parent = goal, SortOrder = t, Weight = 1 + (t % 3) };
                plan.Elements.Add(target);
                for (var o = 0; o < outcomesPerTarget; o++)
                {
                    var outcome = new PlanElement { Code = $"{g + 1}.{t + 1}.{o + 1}", Title = new LocalizedText($"Output {g + 1}.{t + 1}.{o + 1}", $"Produit {g + 1}.{t + 1}.{o + 1}"), Level = level["output"], Parent = target, SortOrder = o };
                    plan.Elements.Add(outcome);
                    leaves.Add(outcome);
                }
            }
        }
        await db.SaveChangesAsync();

        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using var ind = conn.CreateCommand();
        ind.Transaction = tx;
        ind.CommandText = """
            INSERT INTO res_indicators (PlanId, ElementId, Code, Measure, Direction, BaselineValue, BaselineYear, EndTarget, Frequency, Cumulative, Weight, SortOrder, Version, Name_En, Name_Fr, Unit)
            VALUES ($plan, $element, $code, 'Percentage', 'Increase', $baseline, $baselineYear, $target, 'Annual', 0, $weight, $sort, 0, $en, $fr, '%')
            RETURNING Id
            """;
        var p = Params(ind, "$plan", "$element", "$code", "$baseline", "$baselineYear", "$target", "$weight", "$sort", "$en", "$fr");
        await using var val = conn.CreateCommand();
        val.Transaction = tx;
        val.CommandText = """
            INSERT INTO res_values (IndicatorId, Period, Year, SubPeriod, SeriesKey, Value, Status, SubmittedById, SubmittedBy, SubmittedAtUtc, Revision, Version)
            VALUES ($indicator, $period, $year, 0, $key, $value, 'Validated', 'bench', 'Benchmark', '2026-01-01 00:00:00', 1, 0)
            """;
        var v = Params(val, "$indicator", "$period", "$year", "$key", "$value");
        var rng = new Random(42);
        for (var i = 0; i < indicatorCount; i++)
        {
            var baseline = rng.Next(0, 50);
            var target = baseline + rng.Next(5, 50);
            Set(p, plan.Id, leaves[i % leaves.Count].Id, FormattableString.Invariant($"I{i}"), Dec(baseline), FirstYear - 1, Dec(target), Dec(1 + (i % 2)), i,
                FormattableString.Invariant($"Synthetic indicator {i}"), FormattableString.Invariant($"Indicateur synthétique {i}"));
            var id = Convert.ToInt32(await ind.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            for (var y = 0; y < Years; y++)
            {
                if (rng.Next(10) == 0) continue;
                var year = FirstYear + y;
                var value = Math.Round(baseline + (target - baseline) * (y + 1m) / Years * (decimal)(0.5 + rng.NextDouble() * 0.7), 2);
                var period = year.ToString(CultureInfo.InvariantCulture);
                Set(v, id, period, year, period + "/0", Dec(value));
                await val.ExecuteNonQueryAsync();
            }
        }
        await tx.CommitAsync();
        return plan.Id;
    }

    private static string Dec(decimal d) => d.ToString("0.0###########################", CultureInfo.InvariantCulture);

    private static System.Data.Common.DbParameter[] Params(System.Data.Common.DbCommand cmd, params string[] names) =>
        names.Select(n =>
        {
            var p = cmd.CreateParameter();
            p.ParameterName = n;
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();

    private static void Set(System.Data.Common.DbParameter[] ps, params object[] values)
    {
        for (var k = 0; k < ps.Length; k++) ps[k].Value = values[k];
    }

    private static CadreDbContext Context(string file)
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={file}");
        return new CadreDbContext(options.Options, FixedActor.System);
    }

    private sealed class WebProcess(Process process, string url) : IDisposable
    {
        public string Url { get; } = url;

        public static async Task<WebProcess> StartAsync(string dll, string dbFile)
        {
            var port = FreePort();
            var psi = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            psi.Environment["Database__Provider"] = "Sqlite";
            psi.Environment["ConnectionStrings__Cadre"] = $"Data Source={dbFile}";
            psi.Environment["Logging__LogLevel__Default"] = "Warning";
            psi.Environment["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
            // CADRE_BENCH_WEB_LOG=FILE: the server's SQL commands and request times (with their durations) written to FILE, for profiling.
            var log = Environment.GetEnvironmentVariable("CADRE_BENCH_WEB_LOG") is { Length: > 0 } logFile ? new StreamWriter(logFile, append: true) { AutoFlush = true } : null;
            if (log is not null)
            {
                psi.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
                psi.Environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
                psi.Environment["Logging__Console__FormatterName"] = "simple";
                psi.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
                psi.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
            }
            var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the web app");
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                if (log is not null)
                {
                    lock (log) log.WriteLine(e.Data);
                }
                if (e.Data.Contains("fail:", StringComparison.Ordinal) || e.Data.Contains("Exception", StringComparison.Ordinal)) Console.Error.WriteLine("web: " + e.Data);
            };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("web: " + e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var url = $"http://127.0.0.1:{port}";
            using var http = new HttpClient();
            for (var i = 0; i < 600; i++)
            {
                try
                {
                    using var r = await http.GetAsync(url + "/healthz");
                    if (r.IsSuccessStatusCode) return new WebProcess(process, url);
                }
                catch (HttpRequestException) { }
                await Task.Delay(200);
            }
            process.Kill(true);
            throw new InvalidOperationException("the web app did not become healthy");
        }

        public TimeSpan CpuTime()
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }

        public string Memory()
        {
            try
            {
                var lines = File.ReadAllLines($"/proc/{process.Id}/status");
                static double Mb(string line) => double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
                return FormattableString.Invariant($"RSS {Mb(lines.First(l => l.StartsWith("VmRSS", StringComparison.Ordinal))):F0} MiB, peak {Mb(lines.First(l => l.StartsWith("VmHWM", StringComparison.Ordinal))):F0} MiB");
            }
            catch (IOException)
            {
                return "memory unknown";
            }
        }

        public void Dispose()
        {
            if (!process.HasExited) process.Kill(true);
            process.WaitForExit();
            process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cadre.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the Cadre repository.");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cadre.Benchmarks.Planning;

/// <summary>
/// Latency and throughput of the Planning pages served by the real web host (a separate process, as in
/// production), beside an empty Kestrel endpoint measured in the same run as the ceiling.
/// Run: <c>dotnet build -c Release src/Cadre.Web &amp;&amp; dotnet run -c Release --project bench/Cadre.Benchmarks -- pages</c>.
/// </summary>
public static class PagesBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var elements = ArgInt(args, "--elements", 5000);
        var links = ArgInt(args, "--links", 20000);
        var requests = ArgInt(args, "--requests", 400);
        var seconds = ArgInt(args, "--seconds", 8);
        var root = FindRepoRoot();
        var webDll = Path.Combine(root, "src/Cadre.Web/bin/Release/net10.0/Cadre.Web.dll");
        if (!File.Exists(webDll))
        {
            await Console.Error.WriteLineAsync($"Build the web app first: dotnet build -c Release src/Cadre.Web ({webDll} is missing)");
            return 2;
        }
        var work = Directory.CreateTempSubdirectory("cadre-bench-");
        try
        {
            Console.WriteLine($"Seeding a plan of {elements} elements and {links} links...");
            var bigDb = Path.Combine(work.FullName, "big.db");
            var planId = await SeedSyntheticAsync(bigDb, elements, links);
            var demoDb = Path.Combine(work.FullName, "demo.db");
            await SeedDemoAsync(demoDb);

            var results = new List<Row>();
            await using (var ceiling = await StartCeilingAsync())
            {
                results.Add(await MeasureAsync("Empty Kestrel endpoint (ceiling)", ceiling.Url, requests, seconds, null));
            }
            using (var web = await WebProcess.StartAsync(webDll, root, bigDb))
            {
                results.Add(await MeasureAsync($"Tree page, {elements} elements", $"{web.Url}/Planning/Plans/{planId}/Tree", requests, seconds, web));
                results.Add(await MeasureAsync($"Traceability matrix, {elements} elements x 200 entries ({links} links)", $"{web.Url}/Planning/Plans/{planId}/Matrix?vocabulary=bench", requests / 4, seconds, web));
            }
            using (var web = await WebProcess.StartAsync(webDll, root, demoDb))
            {
                results.Add(await MeasureAsync("Home dashboard, demo data", $"{web.Url}/", requests, seconds, web));
            }

            Console.WriteLine();
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInfo()}; {TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            Console.WriteLine();
            Console.WriteLine("| page | median ms | p99 ms | throughput req/s (8 clients) | vs ceiling | server memory (RSS / peak) MiB |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            var ceilingRps = results[0].Throughput;
            foreach (var r in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Name} | {r.MedianMs:F2} | {r.P99Ms:F2} | {r.Throughput:F0} | {r.Throughput / ceilingRps:P1} | {(r.RssMiB is null ? "-" : $"{r.RssMiB:F0} / {r.PeakMiB:F0}")} |"));
            }
            return 0;
        }
        finally
        {
            if (args.Contains("--keep")) Console.WriteLine($"Databases kept in {work.FullName}");
            else try { work.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private sealed record Row(string Name, double MedianMs, double P99Ms, double Throughput, double? RssMiB, double? PeakMiB);

    private static async Task<Row> MeasureAsync(string name, string url, int requests, int seconds, WebProcess? process)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        // Warm up: JIT, caches, connection pool.
        for (var i = 0; i < 20; i++) await GetAsync(http, url);
        var times = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var sw = Stopwatch.StartNew();
            await GetAsync(http, url);
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        var median = times[times.Length / 2];
        var p99 = times[Math.Min(times.Length - 1, (int)Math.Ceiling(times.Length * 0.99) - 1)];

        var deadline = Stopwatch.StartNew();
        var count = 0;
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            while (deadline.Elapsed.TotalSeconds < seconds)
            {
                await GetAsync(http, url);
                Interlocked.Increment(ref count);
            }
        });
        await Task.WhenAll(workers);
        var throughput = count / deadline.Elapsed.TotalSeconds;
        var (rss, peak) = process?.Memory() ?? (null, null);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: median {median:F2} ms, p99 {p99:F2} ms, {throughput:F0} req/s"));
        return new Row(name, median, p99, throughput, rss, peak);
    }

    private static async Task GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
    }

    private static async Task<int> SeedSyntheticAsync(string file, int elementCount, int linkCount)
    {
        await using var db = Context(file);
        await db.Database.MigrateAsync();
        var plan = new Plan
        {
            Kind = PlanKind.Strategic,
            Code = "BENCH",
            Title = new LocalizedText("Synthetic plan", "Plan synthétique"),
            StartYear = 2024,
            EndYear = 2027,
            Status = PlanStatus.Adopted,
            AdoptedBy = "Benchmark",
            Levels = FrameworkTemplates.Create(FrameworkTemplates.ItuStrategic)!,
        };
        db.Plans.Add(plan);
        var vocabulary = new Vocabulary { Code = "bench", Name = new LocalizedText("Benchmark vocabulary", "Vocabulaire d'essai") };
        for (var i = 0; i < 200; i++) vocabulary.Entries.Add(new VocabularyEntry { Code = $"V{i:D3}", Title = new LocalizedText($"Entry {i}", $"Entrée {i}"), SortOrder = i });
        db.Vocabularies.Add(vocabulary);
        var level = plan.Levels.ToDictionary(l => l.Code);
        // Shape: priorities > outcomes > outputs, about 10 x 10 x 49 for 5,000 elements.
        var created = 0;
        var all = new List<PlanElement>();
        for (var p = 0; created < elementCount; p++)
        {
            var priority = new PlanElement { Code = $"P{p}", Title = new LocalizedText($"Priority {p}", $"Priorité {p}"), Level = level["priority"], SortOrder = p };
            plan.Elements.Add(priority); all.Add(priority); created++;
            for (var o = 0; o < 10 && created < elementCount; o++)
            {
                var outcome = new PlanElement { Code = $"P{p}.O{o}", Title = new LocalizedText($"Outcome {p}.{o}", $"Résultat {p}.{o}"), Level = level["outcome"], Parent = priority, SortOrder = o };
                plan.Elements.Add(outcome); all.Add(outcome); created++;
                for (var x = 0; x < 48 && created < elementCount; x++)
                {
                    var output = new PlanElement { Code = $"P{p}.O{o}.X{x}", Title = new LocalizedText($"Output {p}.{o}.{x}", $"Produit {p}.{o}.{x}"), Level = level["output"], Parent = outcome, SortOrder = x };
                    plan.Elements.Add(output); all.Add(output); created++;
                }
            }
        }
        var random = new Random(42);
        var pairs = new HashSet<(int, int)>();
        while (pairs.Count < linkCount)
        {
            var e = random.Next(all.Count);
            var v = random.Next(vocabulary.Entries.Count);
            if (pairs.Add((e, v))) all[e].Links.Add(new ElementLink { VocabularyEntry = vocabulary.Entries[v] });
        }
        await db.SaveChangesAsync();
        return plan.Id;
    }

    private static async Task SeedDemoAsync(string file)
    {
        await using var db = Context(file);
        await db.Database.MigrateAsync();
        await Cadre.Core.Demo.DemoData.LoadAsync(db);
    }

    private static CadreDbContext Context(string file)
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={file}");
        return new CadreDbContext(options.Options, FixedActor.System);
    }

    private sealed class Ceiling(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;
        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }

    private static async Task<Ceiling> StartCeilingAsync()
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/", () => Results.Text("ok"));
        await app.StartAsync();
        return new Ceiling(app, $"http://127.0.0.1:{port}");
    }

    private sealed class WebProcess(Process process, string url) : IDisposable
    {
        public string Url { get; } = url;

        public static async Task<WebProcess> StartAsync(string dll, string root, string dbFile)
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
            // As in production behind a TLS-terminating reverse proxy on the same machine.
            psi.Environment["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
            var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the web app");
            process.OutputDataReceived += (_, e) => { if (e.Data is not null && (e.Data.Contains("fail:", StringComparison.Ordinal) || e.Data.Contains("Exception", StringComparison.Ordinal))) Console.Error.WriteLine("web: " + e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("web: " + e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var url = $"http://127.0.0.1:{port}";
            using var http = new HttpClient();
            for (var i = 0; i < 150; i++)
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

        public (double? Rss, double? Peak) Memory()
        {
            try
            {
                var lines = File.ReadAllLines($"/proc/{process.Id}/status");
                static double Kb(string line) => double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
                return (Kb(lines.First(l => l.StartsWith("VmRSS", StringComparison.Ordinal))), Kb(lines.First(l => l.StartsWith("VmHWM", StringComparison.Ordinal))));
            }
            catch (IOException)
            {
                return (null, null);
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

    private static int ArgInt(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    private static string RuntimeInfo() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
}

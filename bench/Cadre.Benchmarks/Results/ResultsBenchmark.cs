using System.Diagnostics;
using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Cadre.Core.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using NpgsqlTypes;

namespace Cadre.Benchmarks.ResultsProgress;

/// <summary>
/// <c>dotnet run -c Release --project bench/Cadre.Benchmarks -- results [indicators]</c>: progress of a synthetic plan
/// (default 100,000 indicators with 10 yearly values each, 10% of the values missing, on a tree of 10 goals × 10 targets ×
/// 100 outcomes), measured with Stopwatch medians after warm-up:
/// <list type="bullet">
/// <item>full recomputation in memory (every indicator evaluated, then rolled up), and the roll-up alone;</item>
/// <item>an incremental update after one new value (the indicator re-evaluated, its path to the root updated);</item>
/// <item>memory held by the computed plan;</item>
/// <item>with CADRE_TEST_POSTGRES set (a server to create a throw-away database on): the recomputation from the database
/// as the product does it (<c>ProgressService.RollupsAsync</c> over the product's tables: the lean loader, then the ten
/// as-of years) against the same roll-up written as one recursive SQL query (WITH RECURSIVE) over the same tables for
/// the ten years, in the same run.</item>
/// </list>
/// </summary>
public static class ResultsBenchmark
{
    private const int FirstYear = 2021;
    private const int Years = 10;
    private static readonly Thresholds Thresholds = Thresholds.Default;

    public static async Task<int> RunAsync(string[] args)
    {
        var indicatorCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var plan = Synthetic(indicatorCount);
        Console.WriteLine(FormattableString.Invariant($"Synthetic plan: {plan.Elements.Count:N0} elements, {plan.Specs.Count:N0} indicators, {plan.Observations.Values.Sum(v => v.Count):N0} values"));

        var asOf = FirstYear + Years - 1;
        // Wall-clock medians, and the CPU time per run (the process's user + system time over the runs): on a loaded machine
        // the wall clock waits for a core, the CPU time much less. Session 4's and session 2's engines run in the same process
        // as references, so that the ratios hold whatever the load.
        var prepare = Median(5, () => new ProgressPlan(plan.Elements, plan.Specs, plan.Observations).Prepare([asOf]));
        Report("Preparation once per load (flat arrays, roll-up template, the as-of year's trajectories)", prepare);
        Cpu("  CPU time per run, preparation", 5, () => new ProgressPlan(plan.Elements, plan.Specs, plan.Observations).Prepare([asOf]));
        var prepared = new ProgressPlan(plan.Elements, plan.Specs, plan.Observations);
        prepared.Prepare(Enumerable.Range(FirstYear, Years));
        var identical = Identical(prepared.Compute(asOf, Thresholds), Session4Engine.Compute(plan.Elements, plan.Specs, plan.Observations, asOf, Thresholds, out var reference, parallel: false), reference, plan);
        Console.WriteLine(FormattableString.Invariant($"Same figures as session 4's engine for every indicator and element: {identical}"));
        Report("Full recomputation in memory (evaluate + roll up), one as-of year, two cores", Median(15, () => prepared.Compute(asOf, Thresholds)));
        Cpu("  CPU time per run, two cores", 15, () => prepared.Compute(asOf, Thresholds));
        Report("Full recomputation in memory, one thread", Median(15, () => prepared.Compute(asOf, Thresholds, parallel: false)));
        var newCpu = Cpu("  CPU time per run, one thread", 15, () => prepared.Compute(asOf, Thresholds, parallel: false));
        Report("Preparation + full recomputation, one thread (a fresh load's first as-of year)", Median(5, () => new ProgressPlan(plan.Elements, plan.Specs, plan.Observations).Compute(asOf, Thresholds, parallel: false)));
        Report("Session 4's engine (record per indicator, all cores)", Median(9, () => Session4Engine.Compute(plan.Elements, plan.Specs, plan.Observations, asOf, Thresholds, out _)));
        Report("Session 4's engine, one thread", Median(9, () => Session4Engine.Compute(plan.Elements, plan.Specs, plan.Observations, asOf, Thresholds, out _, parallel: false)));
        var s4Cpu = Cpu("  CPU time per run, session 4's engine, one thread", 9, () => Session4Engine.Compute(plan.Elements, plan.Specs, plan.Observations, asOf, Thresholds, out _, parallel: false));
        Report("Session 2's engine (all decimal, dictionaries), one thread", Median(9, () => Session2.Compute(plan.Elements, plan.Specs, plan.Observations, asOf, Thresholds, out _)));
        var oldCpu = Cpu("  CPU time per run, session 2's engine", 9, () => Session2.Compute(plan.Elements, plan.Specs, plan.Observations, asOf, Thresholds, out _));
        Console.WriteLine(FormattableString.Invariant($"  one thread, CPU time: the current engine takes {newCpu / s4Cpu:P1} of session 4's and {newCpu / oldCpu:P1} of session 2's"));
        var rollup = prepared.Compute(asOf, Thresholds).Rollup;
        var achievements = plan.Specs.Select(s => KeyValuePair.Create(s.Id, (double?)((s.Id % 7) / 7.0))).ToList();
        Report("Roll-up alone (SetAll over every indicator)", Median(9, () => rollup.SetAll(achievements)));

        // Incremental: a new value for one indicator, re-evaluated and carried up its path.
        var rng = new Random(7);
        var single = new List<double>();
        for (var k = 0; k < 2000; k++)
        {
            var spec = plan.Specs[rng.Next(plan.Specs.Count)];
            var obs = new List<Observation> { new(spec.Id, asOf, (decimal)rng.Next(0, 100)) };
            var sw = Stopwatch.StartNew();
            var p = ProgressEngine.Evaluate(spec, obs, asOf, Thresholds);
            rollup.Set(spec.Id, p.Achievement);
            sw.Stop();
            if (k >= 200) single.Add(sw.Elapsed.TotalMilliseconds);
        }
        single.Sort();
        Report("Incremental update after one value (median of 1,800)", single[single.Count / 2]);
        Console.WriteLine(FormattableString.Invariant($"  p99: {single[(int)(single.Count * 0.99)]:F4} ms"));

        // Memory: what the computed plan holds (specs, observations, results, roll-up), measured as the managed heap growth.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var again = Synthetic(indicatorCount);
        var preparedAgain = new ProgressPlan(again.Elements, again.Specs, again.Observations);
        var results = preparedAgain.Compute(asOf, Thresholds);
        var rollup2 = results.Rollup;
        var after = GC.GetTotalMemory(true);
        Console.WriteLine(FormattableString.Invariant($"Memory held by the plan's data and computed progress: {(after - before) / (1024.0 * 1024.0):F0} MB (process working set {Environment.WorkingSet / (1024.0 * 1024.0):F0} MB)"));
        GC.KeepAlive(results);
        GC.KeepAlive(rollup2);
        GC.KeepAlive(again);
        GC.KeepAlive(preparedAgain);

        if (Environment.GetEnvironmentVariable("CADRE_TEST_POSTGRES") is { Length: > 0 } admin)
        {
            await DatabaseAsync(admin, plan);
        }
        else
        {
            Console.WriteLine("CADRE_TEST_POSTGRES is not set: the database comparison is skipped.");
        }
        return 0;
    }

    /// <summary>True when both give exactly the same figures (actual, its year, expected, achievement, status, every element's figure).</summary>
    private static bool Identical(ProgressResults now, IndicatorProgress[] before, Rollup beforeRollup, Plan plan)
    {
        for (var i = 0; i < before.Length; i++)
        {
            if (now.Get(i) != before[i]) return false;
        }
        foreach (var e in plan.Elements)
        {
            if (now.Rollup.Get(e.Id) != beforeRollup.Get(e.Id)) return false;
        }
        return true;
    }

    private sealed record Plan(List<RollupNode> Elements, List<IndicatorSpec> Specs, Dictionary<int, List<Observation>> Observations);

    /// <summary>10 goals × 10 targets × (indicators / 1,000) outcomes, 10 indicators per outcome; baselines 2020, targets 2030; 10% of values missing.</summary>
    private static Plan Synthetic(int indicators)
    {
        var rng = new Random(42);
        var elements = new List<RollupNode>();
        var outcomesPerTarget = Math.Max(1, indicators / 1000);
        var id = 1;
        var leaves = new List<int>();
        for (var g = 0; g < 10; g++)
        {
            var goal = id++;
            elements.Add(new RollupNode(goal, null, 1));
            for (var t = 0; t < 10; t++)
            {
                var target = id++;
                elements.Add(new RollupNode(target, goal, 1 + (t % 3)));
                for (var o = 0; o < outcomesPerTarget; o++)
                {
                    var outcome = id++;
                    elements.Add(new RollupNode(outcome, target, 1));
                    leaves.Add(outcome);
                }
            }
        }
        var specs = new List<IndicatorSpec>(indicators);
        var observations = new Dictionary<int, List<Observation>>(indicators);
        for (var i = 0; i < indicators; i++)
        {
            var iid = 100_000_000 + i;
            var baseline = (decimal)rng.Next(0, 50);
            var target = baseline + rng.Next(5, 50);
            specs.Add(new IndicatorSpec(iid, leaves[i % leaves.Count], Measure.Percentage, Direction.Increase, baseline, FirstYear - 1,
                new Dictionary<int, decimal> { [FirstYear + Years - 1] = target }, 1 + (i % 2)));
            var list = new List<Observation>(Years);
            for (var y = 0; y < Years; y++)
            {
                if (rng.Next(10) == 0) continue;
                list.Add(new Observation(iid, FirstYear + y, Math.Round(baseline + (target - baseline) * (y + 1) / Years * (decimal)(0.5 + rng.NextDouble() * 0.7), 2)));
            }
            observations[iid] = list;
        }
        return new Plan(elements, specs, observations);
    }

    private static async Task DatabaseAsync(string admin, Plan plan)
    {
        var name = "cadre_bench_results_" + Guid.NewGuid().ToString("N")[..8];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await Exec(conn, $"CREATE DATABASE \"{name}\"");
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        try
        {
            var load = Stopwatch.StartNew();
            var planId = await SeedProductTablesAsync(cs, plan);
            await using var db = new NpgsqlConnection(cs);
            await db.OpenAsync();
            Console.WriteLine(FormattableString.Invariant($"PostgreSQL ({db.PostgreSqlVersion}): the product's schema (migrations) filled in {load.Elapsed.TotalSeconds:F1} s"));

            // Check that both give the same figures before timing them.
            var fromApp = await FromDatabaseAsync(cs, planId);
            var fromSql = await RecursiveSqlAsync(db, planId);
            var worst = 0.0;
            foreach (var ((year, element), a) in fromSql)
            {
                var mine = fromApp[year].Get(element).Achievement;
                worst = Math.Max(worst, Math.Abs((mine ?? double.NaN) - a));
            }
            Console.WriteLine(FormattableString.Invariant($"Both give the same element figures for the ten years: {fromSql.Count:N0} figures, largest difference {worst:E1}"));

            // Interleaved, so that both see the same load on a shared machine.
            var runs = int.TryParse(Environment.GetEnvironmentVariable("CADRE_BENCH_DB_RUNS"), CultureInfo.InvariantCulture, out var n) ? n : 5;
            var app = new List<double>();
            var loadOnly = new List<double>();
            var recursive = new List<double>();
            for (var k = 0; k < runs; k++)
            {
                var sw = Stopwatch.StartNew();
                await FromDatabaseAsync(cs, planId);
                app.Add(sw.Elapsed.TotalMilliseconds);
                sw.Restart();
                await LoadOnlyAsync(cs, planId);
                loadOnly.Add(sw.Elapsed.TotalMilliseconds);
                sw.Restart();
                await RecursiveSqlAsync(db, planId);
                recursive.Add(sw.Elapsed.TotalMilliseconds);
            }
            app.Sort();
            loadOnly.Sort();
            recursive.Sort();
            Report(FormattableString.Invariant($"Recomputation from the database (ProgressService.RollupsAsync: the lean loader, then ten as-of years), {runs} runs"), app[runs / 2]);
            Report("  of which loading (ProgressLoader alone)", loadOnly[runs / 2]);
            Report(FormattableString.Invariant($"The same roll-up as one recursive SQL query (ten years), {runs} runs"), recursive[runs / 2]);
            Console.WriteLine(FormattableString.Invariant($"  ratio SQL / application: {recursive[runs / 2] / app[runs / 2]:F2} (all runs: app {string.Join(", ", app.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)))} ms; SQL {string.Join(", ", recursive.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)))} ms)"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("CADRE_BENCH_KEEP_DB") == "1")
            {
                Console.WriteLine($"Database kept (CADRE_BENCH_KEEP_DB=1): {name}");
            }
            else
            {
                await using var conn = new NpgsqlConnection(admin);
                await conn.OpenAsync();
                await Exec(conn, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
    }

    private static CadreDbContext Context(string cs)
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, cs);
        return new CadreDbContext(options.Options, FixedActor.System);
    }

    /// <summary>
    /// The synthetic plan in the product's own tables (created by the migrations, with their indexes): the plan and its
    /// elements through EF, the indicators and values with binary COPY (one validated revision per value).
    /// </summary>
    private static async Task<int> SeedProductTablesAsync(string cs, Plan synthetic)
    {
        await using var db = Context(cs);
        await db.Database.MigrateAsync();
        var plan = new Cadre.Core.Planning.Plan
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
        var made = new Dictionary<int, PlanElement>();
        foreach (var node in synthetic.Elements)
        {
            var parent = node.ParentId is int p ? made[p] : null;
            var depth = parent is null ? 0 : parent.Parent is null ? 1 : 2;
            var code = FormattableString.Invariant($"E{node.Id}");
            var e = new PlanElement
            {
                Code = code,
                Title = new LocalizedText("Element " + code, "Élément " + code),
                Level = level[depth switch { 0 => "priority", 1 => "outcome", _ => "output" }],
                Parent = parent,
                SortOrder = node.Id,
                Weight = (decimal)node.Weight,
            };
            plan.Elements.Add(e);
            made[node.Id] = e;
        }
        await db.SaveChangesAsync();

        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync();
        var ids = new Dictionary<int, int>(synthetic.Specs.Count);
        await using (var w = await conn.BeginBinaryImportAsync("""
            COPY res_indicators ("Id", "PlanId", "ElementId", "Code", "Measure", "Direction", "BaselineValue", "BaselineYear", "EndTarget", "Frequency",
                "Cumulative", "Weight", "SortOrder", "Version", "Name_En", "Name_Fr", "Unit") FROM STDIN (FORMAT BINARY)
            """))
        {
            var k = 0;
            foreach (var s in synthetic.Specs)
            {
                var id = ++k;
                ids[s.Id] = id;
                var target = s.Targets.Single();
                await w.StartRowAsync();
                await w.WriteAsync(id, NpgsqlDbType.Integer);
                await w.WriteAsync(plan.Id, NpgsqlDbType.Integer);
                await w.WriteAsync(made[s.ElementId].Id, NpgsqlDbType.Integer);
                await w.WriteAsync(FormattableString.Invariant($"I{id}"), NpgsqlDbType.Varchar);
                await w.WriteAsync(nameof(Measure.Percentage), NpgsqlDbType.Varchar);
                await w.WriteAsync(nameof(Direction.Increase), NpgsqlDbType.Varchar);
                await w.WriteAsync(s.BaselineValue!.Value, NpgsqlDbType.Numeric);
                await w.WriteAsync(s.BaselineYear, NpgsqlDbType.Integer);
                await w.WriteAsync(target.Value, NpgsqlDbType.Numeric);
                await w.WriteAsync(nameof(Frequency.Annual), NpgsqlDbType.Varchar);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(s.Weight, NpgsqlDbType.Numeric);
                await w.WriteAsync(id, NpgsqlDbType.Integer);
                await w.WriteAsync(0, NpgsqlDbType.Integer);
                await w.WriteAsync(FormattableString.Invariant($"Synthetic indicator {id}"), NpgsqlDbType.Varchar);
                await w.WriteAsync(FormattableString.Invariant($"Indicateur synthétique {id}"), NpgsqlDbType.Varchar);
                await w.WriteAsync("%", NpgsqlDbType.Varchar);
            }
            await w.CompleteAsync();
        }
        var submitted = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var w = await conn.BeginBinaryImportAsync("""
            COPY res_values ("IndicatorId", "Period", "Year", "SubPeriod", "SeriesKey", "Value", "Status", "SubmittedById", "SubmittedBy", "SubmittedAtUtc",
                "Revision", "Version") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var o in synthetic.Observations.Values.SelectMany(v => v))
            {
                var period = o.Year.ToString(CultureInfo.InvariantCulture);
                await w.StartRowAsync();
                await w.WriteAsync(ids[o.IndicatorId], NpgsqlDbType.Integer);
                await w.WriteAsync(period, NpgsqlDbType.Varchar);
                await w.WriteAsync(o.Year, NpgsqlDbType.Integer);
                await w.WriteAsync(0, NpgsqlDbType.Integer);
                await w.WriteAsync(period + "/0", NpgsqlDbType.Varchar);
                await w.WriteAsync(o.Value, NpgsqlDbType.Numeric);
                await w.WriteAsync(nameof(ValueStatus.Validated), NpgsqlDbType.Varchar);
                await w.WriteAsync("bench", NpgsqlDbType.Varchar);
                await w.WriteAsync("Benchmark", NpgsqlDbType.Varchar);
                await w.WriteAsync(submitted, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(1, NpgsqlDbType.Integer);
                await w.WriteAsync(0, NpgsqlDbType.Integer);
            }
            await w.CompleteAsync();
        }
        await using (var cmd = new NpgsqlCommand("ANALYZE", conn) { CommandTimeout = 600 })
        {
            await cmd.ExecuteNonQueryAsync();
        }
        return plan.Id;
    }

    /// <summary>What the product does: a fresh context, <see cref="ProgressService.RollupsAsync"/> (the lean loader, then the ten as-of years).</summary>
    private static async Task<IReadOnlyDictionary<int, Rollup>> FromDatabaseAsync(string cs, int planId)
    {
        await using var db = Context(cs);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        return await new ProgressService(db, cache).RollupsAsync(planId, [.. Enumerable.Range(FirstYear, Years)])
            ?? throw new InvalidOperationException("the plan is missing");
    }

    /// <summary>The load alone (elements and the lean loader's indicators, targets and values), for the breakdown.</summary>
    private static async Task<IReadOnlyDictionary<int, Rollup>> LoadOnlyAsync(string cs, int planId)
    {
        await using var db = Context(cs);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        return await new ProgressService(db, cache).RollupsAsync(planId, [])
            ?? throw new InvalidOperationException("the plan is missing");
    }

    /// <summary>
    /// The same figures in one SQL statement over the product's tables, written to give PostgreSQL a fair chance (session 3's
    /// query, on the product's schema since session 4):
    /// <list type="number">
    /// <item>the value that counts per period: the latest validated revision (DISTINCT ON, read backwards along the unique
    /// index on (indicator, series, revision)), as the application does;</item>
    /// <item>each value holds from its year until the indicator's next value (LEAD), so each indicator's latest value at or
    /// before each year is one ordered scan;</item>
    /// <item>its achievement against its straight trajectory (baseline to the end target in the plan's last year), clamped to [0, 1];</item>
    /// <item>per element and year, the sum of weight × achievement and the weight with data of its own indicators;</item>
    /// <item>WITH RECURSIVE: which elements have data below them, hence each element's weight with data;</item>
    /// <item>WITH RECURSIVE: each element's own share walked up to its ancestors, multiplied at each step by the step's weight
    /// over the parent's weight with data, and summed per element and year.</item>
    /// </list>
    /// Indexes it can use (all from the product's migrations): res_values (IndicatorId, SeriesKey, Revision) unique,
    /// res_indicators (PlanId, Code) and (ElementId, SortOrder), plan_elements (PlanId) and (ParentId), primary keys; then ANALYZE.
    /// </summary>
    private static async Task<Dictionary<(int Year, int Element), double>> RecursiveSqlAsync(NpgsqlConnection db, int planId)
    {
        const string sql = """
            WITH RECURSIVE
            ind AS (
                SELECT "Id" AS id, "ElementId" AS element_id, "BaselineValue"::float8 AS baseline, "BaselineYear" AS baseline_year,
                       "EndTarget"::float8 AS target, 2030 AS target_year, "Weight"::float8 AS weight
                FROM res_indicators WHERE "PlanId" = @plan),
            el AS (SELECT "Id" AS id, "ParentId" AS parent_id, "Weight"::float8 AS weight FROM plan_elements WHERE "PlanId" = @plan),
            vals AS (
                SELECT DISTINCT ON (v."IndicatorId", v."SeriesKey") v."IndicatorId" AS indicator_id, v."Year" AS year, v."Value"::float8 AS value
                FROM res_values v JOIN ind i ON i.id = v."IndicatorId"
                WHERE v."DimensionValueId" IS NULL AND v."Status" = 'Validated' AND v."Value" IS NOT NULL
                ORDER BY v."IndicatorId" DESC, v."SeriesKey" DESC, v."Revision" DESC),
            spans AS (
                SELECT indicator_id, value, year AS from_year,
                       COALESCE(LEAD(year) OVER (PARTITION BY indicator_id ORDER BY year) - 1, 2030) AS to_year
                FROM vals),
            latest AS (
                SELECT y, s.indicator_id, s.value
                FROM spans s CROSS JOIN LATERAL generate_series(GREATEST(s.from_year, 2021), LEAST(s.to_year, 2030)) AS y),
            ach AS (
                SELECT l.y, i.element_id, i.weight,
                    GREATEST(0, LEAST(1, (l.value - i.baseline) / NULLIF(
                        (CASE WHEN l.y >= i.target_year THEN i.target
                              ELSE i.baseline + (i.target - i.baseline) * (l.y - i.baseline_year) / (i.target_year - i.baseline_year) END) - i.baseline, 0))) AS a
                FROM latest l JOIN ind i ON i.id = l.indicator_id),
            own AS (SELECT y, element_id AS element, SUM(weight * a) AS s, SUM(weight) AS w FROM ach GROUP BY y, element_id),
            has (y, element) AS (
                SELECT y, element FROM own
                UNION
                SELECT h.y, e.parent_id FROM has h JOIN el e ON e.id = h.element WHERE e.parent_id IS NOT NULL),
            wsum AS (
                SELECT y, element, SUM(w) AS w FROM (
                    SELECT y, element, w FROM own
                    UNION ALL
                    SELECT h.y, e.parent_id, e.weight FROM has h JOIN el e ON e.id = h.element WHERE e.parent_id IS NOT NULL) t
                GROUP BY y, element),
            up (y, element, part) AS (
                SELECT o.y, o.element, o.s / w.w FROM own o JOIN wsum w ON w.y = o.y AND w.element = o.element
                UNION ALL
                SELECT u.y, e.parent_id, u.part * e.weight / w.w
                FROM up u JOIN el e ON e.id = u.element JOIN wsum w ON w.y = u.y AND w.element = e.parent_id
                WHERE e.parent_id IS NOT NULL)
            SELECT y, element, SUM(part) FROM up GROUP BY y, element
            """;
        var result = new Dictionary<(int, int), double>();
        await using var cmd = new NpgsqlCommand(sql, db) { CommandTimeout = 600 };
        cmd.Parameters.AddWithValue("plan", planId);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) result[(r.GetInt32(0), r.GetInt32(1))] = r.GetDouble(2);
        return result;
    }

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static double Cpu(string what, int runs, Action action)
    {
        action();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        for (var k = 0; k < runs; k++) action();
        process.Refresh();
        var ms = (process.TotalProcessorTime - before).TotalMilliseconds / runs;
        Console.WriteLine(FormattableString.Invariant($"{what}: {ms:F1} ms"));
        return ms;
    }

    private static void Report(string what, double ms) => Console.WriteLine(FormattableString.Invariant($"{what}: {ms:F3} ms (median)"));

    private static double Median(int runs, Action action)
    {
        for (var k = 0; k < 3; k++) action();
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

    private static async Task<double> MedianAsync<T>(int runs, Func<Task<T>> action)
    {
        await action();
        var times = new List<double>();
        for (var k = 0; k < runs; k++)
        {
            var sw = Stopwatch.StartNew();
            await action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}

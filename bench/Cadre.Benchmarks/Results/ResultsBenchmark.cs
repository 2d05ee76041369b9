using System.Diagnostics;
using System.Globalization;
using Cadre.Core.Results;
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
/// (loading every value and computing the ten years) against the same roll-up written as one recursive SQL query
/// (WITH RECURSIVE) for the ten years, on the same data in the same run.</item>
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
        // the wall clock waits for a core, the CPU time much less. Session 2's engine runs in the same process as the reference.
        Report("Full recomputation in memory (evaluate + roll up), one as-of year, on all cores", Median(9, () => ProgressService.Compute(plan.Elements, plan.Specs, plan.Observations, asOf, Thresholds, out _)));
        Cpu("  CPU time per run, all cores", 9, () => ProgressService.Compute(plan.Elements, plan.Specs, plan.Observations, asOf, Thresholds, out _));
        Report("Full recomputation in memory, one thread", Median(9, () => ProgressService.Compute(plan.Elements, plan.Specs, plan.Observations, asOf, Thresholds, out _, parallel: false)));
        var newCpu = Cpu("  CPU time per run, one thread", 9, () => ProgressService.Compute(plan.Elements, plan.Specs, plan.Observations, asOf, Thresholds, out _, parallel: false));
        Report("Session 2's engine (all decimal, dictionaries), one thread", Median(9, () => Session2.Compute(plan.Elements, plan.Specs, plan.Observations, asOf, Thresholds, out _)));
        var oldCpu = Cpu("  CPU time per run, session 2's engine", 9, () => Session2.Compute(plan.Elements, plan.Specs, plan.Observations, asOf, Thresholds, out _));
        Console.WriteLine(FormattableString.Invariant($"  one thread, CPU time: the current engine takes {newCpu / oldCpu:P0} of session 2's"));
        ProgressService.Compute(plan.Elements, plan.Specs, plan.Observations, asOf, Thresholds, out var rollup);
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
        var results = ProgressService.Compute(again.Elements, again.Specs, again.Observations, asOf, Thresholds, out var rollup2);
        var after = GC.GetTotalMemory(true);
        Console.WriteLine(FormattableString.Invariant($"Memory held by the plan's data and computed progress: {(after - before) / (1024.0 * 1024.0):F0} MB (process working set {Environment.WorkingSet / (1024.0 * 1024.0):F0} MB)"));
        GC.KeepAlive(results);
        GC.KeepAlive(rollup2);
        GC.KeepAlive(again);

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
            await using var db = new NpgsqlConnection(cs);
            await db.OpenAsync();
            await Exec(db, """
                CREATE TABLE bench_elements (id int PRIMARY KEY, parent_id int NULL, weight float8 NOT NULL);
                CREATE TABLE bench_indicators (id int PRIMARY KEY, element_id int NOT NULL, baseline float8 NOT NULL, baseline_year int NOT NULL,
                    target float8 NOT NULL, target_year int NOT NULL, weight float8 NOT NULL);
                CREATE TABLE bench_values (indicator_id int NOT NULL, year int NOT NULL, value float8 NOT NULL, PRIMARY KEY (indicator_id, year));
                """);
            var load = Stopwatch.StartNew();
            await using (var w = await db.BeginBinaryImportAsync("COPY bench_elements (id, parent_id, weight) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var e in plan.Elements)
                {
                    await w.StartRowAsync();
                    await w.WriteAsync(e.Id, NpgsqlDbType.Integer);
                    if (e.ParentId is int p) await w.WriteAsync(p, NpgsqlDbType.Integer); else await w.WriteNullAsync();
                    await w.WriteAsync(e.Weight, NpgsqlDbType.Double);
                }
                await w.CompleteAsync();
            }
            await using (var w = await db.BeginBinaryImportAsync("COPY bench_indicators (id, element_id, baseline, baseline_year, target, target_year, weight) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var s in plan.Specs)
                {
                    var t = s.Targets.Single();
                    await w.WriteRowAsync(default, s.Id, s.ElementId, (double)s.BaselineValue!.Value, s.BaselineYear, (double)t.Value, t.Key, (double)s.Weight);
                }
                await w.CompleteAsync();
            }
            await using (var w = await db.BeginBinaryImportAsync("COPY bench_values (indicator_id, year, value) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var o in plan.Observations.Values.SelectMany(v => v))
                {
                    await w.WriteRowAsync(default, o.IndicatorId, o.Year, (double)o.Value);
                }
                await w.CompleteAsync();
            }
            await Exec(db, "CREATE INDEX ON bench_indicators (element_id); CREATE INDEX ON bench_elements (parent_id); ANALYZE;");
            Console.WriteLine(FormattableString.Invariant($"PostgreSQL ({db.PostgreSqlVersion}): data loaded in {load.Elapsed.TotalSeconds:F1} s"));

            // Check that both give the same figures before timing them.
            var fromApp = await FromDatabaseAsync(db);
            var fromSql = await RecursiveSqlAsync(db);
            var worst = 0.0;
            foreach (var ((year, element), a) in fromSql)
            {
                var mine = fromApp[year - FirstYear].Get(element).Achievement;
                worst = Math.Max(worst, Math.Abs((mine ?? double.NaN) - a));
            }
            Console.WriteLine(FormattableString.Invariant($"Both give the same element figures for the ten years: {fromSql.Count:N0} figures, largest difference {worst:E1}"));

            // Interleaved, so that both see the same load on a shared machine.
            var app = new List<double>();
            var recursive = new List<double>();
            for (var k = 0; k < 5; k++)
            {
                var sw = Stopwatch.StartNew();
                await FromDatabaseAsync(db);
                app.Add(sw.Elapsed.TotalMilliseconds);
                sw.Restart();
                await RecursiveSqlAsync(db);
                recursive.Add(sw.Elapsed.TotalMilliseconds);
            }
            app.Sort();
            recursive.Sort();
            Report("Recomputation from the database (load every value, compute ten as-of years), 5 runs", app[2]);
            Report("The same roll-up as one recursive SQL query (ten years), 5 runs", recursive[2]);
            Console.WriteLine(FormattableString.Invariant($"  ratio SQL / application: {recursive[2] / app[2]:F2}"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync();
            await Exec(conn, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    /// <summary>Loads the tree, the indicators and every value, and computes the roll-up for each of the ten years.</summary>
    private static async Task<List<Rollup>> FromDatabaseAsync(NpgsqlConnection db)
    {
        var elements = new List<RollupNode>();
        await using (var cmd = new NpgsqlCommand("SELECT id, parent_id, weight FROM bench_elements", db))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync()) elements.Add(new RollupNode(r.GetInt32(0), r.IsDBNull(1) ? null : r.GetInt32(1), r.GetDouble(2)));
        }
        var specs = new List<IndicatorSpec>(100_000);
        await using (var cmd = new NpgsqlCommand("SELECT id, element_id, baseline, baseline_year, target, target_year, weight FROM bench_indicators", db))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                specs.Add(new IndicatorSpec(r.GetInt32(0), r.GetInt32(1), Measure.Percentage, Direction.Increase, (decimal)r.GetDouble(2), r.GetInt32(3),
                    new Dictionary<int, decimal> { [r.GetInt32(5)] = (decimal)r.GetDouble(4) }, (decimal)r.GetDouble(6)));
            }
        }
        // Raw reader, no ORM: the values in primary-key order, so that each indicator's list is filled in one run.
        var observations = new Dictionary<int, List<Observation>>(specs.Count);
        await using (var cmd = new NpgsqlCommand("SELECT indicator_id, year, value FROM bench_values ORDER BY indicator_id, year", db))
        await using (var r = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess))
        {
            var current = -1;
            List<Observation> list = [];
            while (await r.ReadAsync())
            {
                var id = r.GetInt32(0);
                if (id != current)
                {
                    current = id;
                    observations[id] = list = new List<Observation>(Years);
                }
                list.Add(new Observation(id, r.GetInt32(1), (decimal)r.GetDouble(2)));
            }
        }
        var rollups = new List<Rollup>(Years);
        for (var y = 0; y < Years; y++)
        {
            ProgressService.Compute(elements, specs, observations, FirstYear + y, Thresholds, out var rollup);
            rollups.Add(rollup);
        }
        return rollups;
    }

    /// <summary>
    /// The same figures in one SQL statement, written to give PostgreSQL a fair chance (session 3; session 2's version walked
    /// every indicator, not every element, up the tree and joined every value with every later year):
    /// <list type="number">
    /// <item>each value holds from its year until the indicator's next value (LEAD over the primary key's order), so each
    /// indicator's latest value at or before each year is one ordered scan, with no sort and no DISTINCT ON;</item>
    /// <item>its achievement against its straight trajectory, clamped to [0, 1];</item>
    /// <item>per element and year, the sum of weight × achievement and the weight with data of its own indicators;</item>
    /// <item>WITH RECURSIVE: which elements have data below them (walking up from the elements with data), hence each
    /// element's weight with data (its own indicators' plus its children's with data);</item>
    /// <item>WITH RECURSIVE: each element's own share walked up to its ancestors, multiplied at each step by the step's weight
    /// over the parent's weight with data, and summed per element and year.</item>
    /// </list>
    /// </summary>
    private static async Task<Dictionary<(int Year, int Element), double>> RecursiveSqlAsync(NpgsqlConnection db)
    {
        const string sql = """
            WITH RECURSIVE
            spans AS (
                SELECT indicator_id, value, year AS from_year,
                       COALESCE(LEAD(year) OVER (PARTITION BY indicator_id ORDER BY year) - 1, 2030) AS to_year
                FROM bench_values),
            latest AS (
                SELECT y, s.indicator_id, s.value
                FROM spans s CROSS JOIN LATERAL generate_series(GREATEST(s.from_year, 2021), LEAST(s.to_year, 2030)) AS y),
            ach AS (
                SELECT l.y, i.element_id, i.weight,
                    GREATEST(0, LEAST(1, (l.value - i.baseline) / NULLIF(
                        (CASE WHEN l.y >= i.target_year THEN i.target
                              ELSE i.baseline + (i.target - i.baseline) * (l.y - i.baseline_year) / (i.target_year - i.baseline_year) END) - i.baseline, 0))) AS a
                FROM latest l JOIN bench_indicators i ON i.id = l.indicator_id),
            own AS (SELECT y, element_id AS element, SUM(weight * a) AS s, SUM(weight) AS w FROM ach GROUP BY y, element_id),
            has (y, element) AS (
                SELECT y, element FROM own
                UNION
                SELECT h.y, e.parent_id FROM has h JOIN bench_elements e ON e.id = h.element WHERE e.parent_id IS NOT NULL),
            wsum AS (
                SELECT y, element, SUM(w) AS w FROM (
                    SELECT y, element, w FROM own
                    UNION ALL
                    SELECT h.y, e.parent_id, e.weight FROM has h JOIN bench_elements e ON e.id = h.element WHERE e.parent_id IS NOT NULL) t
                GROUP BY y, element),
            up (y, element, part) AS (
                SELECT o.y, o.element, o.s / w.w FROM own o JOIN wsum w ON w.y = o.y AND w.element = o.element
                UNION ALL
                SELECT u.y, e.parent_id, u.part * e.weight / w.w
                FROM up u JOIN bench_elements e ON e.id = u.element JOIN wsum w ON w.y = u.y AND w.element = e.parent_id
                WHERE e.parent_id IS NOT NULL)
            SELECT y, element, SUM(part) FROM up GROUP BY y, element
            """;
        var result = new Dictionary<(int, int), double>();
        await using var cmd = new NpgsqlCommand(sql, db) { CommandTimeout = 600 };
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

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance.Documents;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cadre.Benchmarks.Governance;

/// <summary>
/// <c>dotnet bench/Cadre.Benchmarks/bin/Release/net10.0/Cadre.Benchmarks.dll search [documents]</c>: the registry search
/// (<see cref="DocumentQueries.SearchAsync"/>, the code path of the pages and the API) over a synthetic registry of
/// 100,000 documents by default, on SQLite (FTS5) and, with CADRE_TEST_POSTGRES set, on PostgreSQL (tsvector + GIN).
/// Each document has a symbol, an English and a French title and about 80 words of file text drawn from a 20,000-word
/// vocabulary with a Zipf-like distribution; 10% are members-only. The schema comes from the real migrations. Each search
/// is a new DbContext (as a request is), by a signed-in reader without a Member (so the members-only filter is in the
/// SQL), and returns the first page of 25 with the total. Stopwatch medians and 95th percentiles after warm-up.
/// </summary>
public static class DocumentSearchBenchmark
{
    private const int VocabularySize = 20_000;
    private const int WordsPerDocument = 80;
    private static readonly string[] Bodies = ["TDAG", "TDAG-WG-SOP", "TDAG-WG-Prep", "TSAG", "RAG", "CWG-SFP"];
    private static readonly ICurrentActor Reader = new FixedActor("bench reader");
    /// <summary>A Delegate reads members-only documents too: the search uses the index of all documents.</summary>
    private static readonly ICurrentActor Delegate = new FixedActor("bench delegate", memberCode: "MEX");

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var vocabulary = Vocabulary();
        Console.WriteLine(FormattableString.Invariant($"Synthetic registry: {count:N0} documents, {WordsPerDocument} words of text each, vocabulary {VocabularySize:N0} words"));

        // CADRE_BENCH_KEEP=1 keeps both databases (and prints where they are) to study the query plans afterwards.
        var keep = Environment.GetEnvironmentVariable("CADRE_BENCH_KEEP") == "1";
        var file = Path.Combine(Path.GetTempPath(), "cadre-bench-search-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        try
        {
            await RunOnAsync("SQLite (FTS5)", DatabaseProvider.Sqlite, $"Data Source={file}", count, vocabulary);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (keep) Console.WriteLine("kept: " + file);
            else foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }

        if (Environment.GetEnvironmentVariable("CADRE_TEST_POSTGRES") is { Length: > 0 } admin)
        {
            var name = "cadre_bench_search_" + Guid.NewGuid().ToString("N")[..8];
            await AdminAsync(admin, $"CREATE DATABASE \"{name}\"");
            try
            {
                await RunOnAsync("PostgreSQL (tsvector + GIN)", DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString(), count, vocabulary);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                if (keep) Console.WriteLine("kept: PostgreSQL database " + name);
                else await AdminAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
        else
        {
            Console.WriteLine("CADRE_TEST_POSTGRES is not set: PostgreSQL is skipped.");
        }
        return 0;
    }

    private static async Task AdminAsync(string admin, string sql)
    {
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static CadreDbContext Context(DatabaseProvider provider, string cs, ICurrentActor actor)
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, provider, cs);
        // CADRE_BENCH_SQL=1 prints every command the searches send (to read their plans with EXPLAIN).
        if (Environment.GetEnvironmentVariable("CADRE_BENCH_SQL") == "1")
        {
            options.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]).EnableSensitiveDataLogging();
        }
        return new CadreDbContext(options.Options, actor);
    }

    /// <summary>Pronounceable synthetic words, plus the real words the queries look for, at known ranks.</summary>
    private static string[] Vocabulary()
    {
        var rng = new Random(11);
        const string consonants = "bcdfghjklmnprstvz";
        const string vowels = "aeiou";
        var words = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>();
        while (list.Count < VocabularySize)
        {
            var sb = new StringBuilder();
            var syllables = 2 + rng.Next(3);
            for (var s = 0; s < syllables; s++) sb.Append(consonants[rng.Next(consonants.Length)]).Append(vowels[rng.Next(vowels.Length)]);
            if (words.Add(sb.ToString())) list.Add(sb.ToString());
        }
        // The words the queries look for, at ranks that give the document shares in the query names (rank k is drawn
        // with probability ln((k+2)/(k+1)) / ln(n) per word; 96 words a document).
        list[50] = "plan";
        list[90] = "development";
        list[120] = "telecommunication";
        list[200] = "réunion";
        list[201] = "stratégique";
        list[1000] = "interprefy";
        list[3300] = "quadrennial";
        return [.. list];
    }

    private static int Zipf(Random rng, int n)
    {
        // Inverse of a continuous 1/x distribution over [1, n]: rank r has probability about 1 / (r ln n).
        var r = Math.Exp(rng.NextDouble() * Math.Log(n)) - 1;
        return Math.Min(n - 1, (int)r);
    }

    private static async Task RunOnAsync(string label, DatabaseProvider provider, string cs, int count, string[] vocabulary)
    {
        Console.WriteLine();
        Console.WriteLine("== " + label);
        await using (var db = Context(provider, cs, FixedActor.System))
        {
            await db.Database.MigrateAsync();
        }
        var load = Stopwatch.StartNew();
        await LoadAsync(provider, cs, count, vocabulary);
        Console.WriteLine(FormattableString.Invariant($"Loaded and indexed {count:N0} documents in {load.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(FormattableString.Invariant($"load average: {(File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "?")}"));

        var queries = new (string Name, DocumentSearch Search, ICurrentActor Actor)[]
        {
            ("rare word (~0.3% of documents)", new("quadrennial"), Reader),
            ("middling word (~1%)", new("interprefy"), Reader),
            ("frequent word (~10%)", new("development"), Reader),
            ("very frequent word (~17%)", new("plan"), Reader),
            ("very frequent word (~17%), as a Delegate (members-only too)", new("plan"), Delegate),
            ("two words (~5% each), accents folded", new("reunion strategique"), Reader),
            ("prefix of a frequent word (~8%)", new("telecom"), Reader),
            ("very frequent word, filtered by body and type, sorted by date", new("plan", DocumentType.Contribution, 1, DocumentSort.Date, true), Reader),
            ("frequent word, page 40", new("development", Page: 40), Reader),
            ("symbol lookup (a public document)", new("TDAG-19/7/7"), Reader),
            ("no words: newest first, filtered by language and dates", new(null, Language: "fr", From: new DateOnly(2018, 1, 1), To: new DateOnly(2022, 12, 31)), Reader),
        };
        var runs = int.TryParse(Environment.GetEnvironmentVariable("CADRE_BENCH_RUNS"), CultureInfo.InvariantCulture, out var r) ? r : 41;
        Console.WriteLine(FormattableString.Invariant($"{runs} runs a search after 5 warm-up runs"));
        Console.WriteLine("| search | found (counted up to 1,000) | median ms | p95 ms |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, search, actor) in queries)
        {
            DocumentPage result = null!;
            for (var i = 0; i < 5; i++) result = await SearchAsync(provider, cs, search, actor);
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                await SearchAsync(provider, cs, search, actor);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            var found = FormattableString.Invariant($"{(result.MoreThanTotal ? "more than " : "")}{result.Total:N0}");
            Console.WriteLine(FormattableString.Invariant($"| {name} | {found} | {times[times.Count / 2]:F1} | {times[Math.Min(times.Count - 1, (int)(times.Count * 0.95))]:F1} |"));
        }
        Console.WriteLine(FormattableString.Invariant($"load average: {(File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "?")}"));
    }

    private static async Task<DocumentPage> SearchAsync(DatabaseProvider provider, string cs, DocumentSearch search, ICurrentActor actor)
    {
        await using var db = Context(provider, cs, actor);
        return await new DocumentQueries(db).SearchAsync(search);
    }

    /// <summary>Bodies, then the documents in one transaction through plain parameterized inserts (the index triggers or generated column do the rest).</summary>
    private static async Task LoadAsync(DatabaseProvider provider, string cs, int count, string[] vocabulary)
    {
        await using var db = Context(provider, cs, FixedActor.System);
        foreach (var code in Bodies)
        {
            db.Bodies.Add(new Core.Governance.Body { Code = code, Kind = Core.Governance.BodyKind.AdvisoryGroup, Name = new LocalizedText(code) });
        }
        await db.SaveChangesAsync();
        var bodyIds = await db.Bodies.OrderBy(b => b.Id).Select(b => b.Id).ToListAsync();

        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        string[] columns = ["Symbol", "BaseSymbol", "SymbolBody", "Type", "OriginalLanguage", "Access", "FromSecretariat", "DocumentDate", "RegisteredAtUtc", "BodyId", "SearchText", "Version", "Title_En", "Title_Fr"];
        cmd.CommandText = $"INSERT INTO gov_documents ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((_, i) =>
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        var rng = new Random(42);
        var types = Enum.GetValues<DocumentType>();
        var text = new StringBuilder();
        for (var n = 0; n < count; n++)
        {
            var year = 18 + n / 6 % 6;
            var body = Bodies[n % Bodies.Length];
            var symbol = FormattableString.Invariant($"{(body == "CWG-SFP" ? "CWG-SFP " + (n % 9 + 1) : body + "-" + year + "/" + (n % 9 + 1))}/{n + 1}");
            string Words(int k)
            {
                text.Clear();
                for (var w = 0; w < k; w++) text.Append(vocabulary[Zipf(rng, vocabulary.Length)]).Append(' ');
                return text.ToString().TrimEnd();
            }
            var titleEn = Words(8);
            var titleFr = Words(8);
            var body80 = Words(WordsPerDocument);
            var date = new DateOnly(2000 + year, 1 + n % 12, 1 + n % 28);
            object?[] values =
            [
                symbol, symbol, body, types[n % types.Length].ToString(), n % 3 == 0 ? "fr" : "en", n % 10 == 0 ? "MembersOnly" : "Public", true,
                date, new DateTime(2000 + year, 1 + n % 12, 1 + n % 28, 9, 0, 0, DateTimeKind.Utc), bodyIds[n % bodyIds.Count],
                SearchFolding.Fold($"{symbol} {titleEn} {titleFr}\n{body80}"), 1, titleEn, titleFr,
            ];
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        await using var analyze = conn.CreateCommand();
        analyze.CommandText = provider == DatabaseProvider.Postgres ? "ANALYZE gov_documents" : "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }
}

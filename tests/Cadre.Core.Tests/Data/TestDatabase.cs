using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cadre.Core.Tests.Data;

/// <summary>
/// A fresh, migrated database for one test: a SQLite file in a temp folder, or (with
/// <paramref name="provider"/> Postgres) a new database on the server of CADRE_TEST_POSTGRES.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string? _folder;
    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    public DatabaseProvider Provider { get; }

    private TestDatabase(DatabaseProvider provider, string connectionString, string? folder, string? adminConnection, string? databaseName)
    {
        Provider = provider;
        _connectionString = connectionString;
        _folder = folder;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
    }

    public static string? PostgresServer => Environment.GetEnvironmentVariable("CADRE_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("cadre-core-test-").FullName;
            db = new TestDatabase(provider, $"Data Source={Path.Combine(folder, "cadre.db")}", folder, null, null);
        }
        else
        {
            var admin = PostgresServer ?? throw new InvalidOperationException("CADRE_TEST_POSTGRES is not set.");
            var name = "cadre_core_" + Guid.NewGuid().ToString("N")[..16];
            await using (var conn = new NpgsqlConnection(admin))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString();
            db = new TestDatabase(provider, cs, null, admin, name);
        }
        await using var context = db.Context();
        await context.Database.MigrateAsync();
        return db;
    }

    /// <summary>A context acting as <paramref name="actor"/> (a Planner by default).</summary>
    public CadreDbContext Context(ICurrentActor? actor = null, TimeProvider? clock = null)
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, Provider, _connectionString);
        return new CadreDbContext(options.Options, actor ?? new FixedActor("planner@test", "u-planner", [Roles.Planner]), clock);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
        if (_adminConnection is not null)
        {
            await using var conn = new NpgsqlConnection(_adminConnection);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

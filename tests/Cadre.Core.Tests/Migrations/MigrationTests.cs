using Cadre.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cadre.Core.Tests.Migrations;

/// <summary>
/// Each provider has its own migrations; both must match the model (no pending changes), and both
/// must build a working database from nothing.
/// </summary>
public sealed class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CadreDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        return new CadreDbContext(options.Options);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=pending-check.db")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=pending_check")]
    public void The_migrations_match_the_model(DatabaseProvider provider, string connectionString)
    {
        // Compares the model with the migrations' snapshot; no database is opened.
        using var db = Context(provider, connectionString);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration holds. Add a migration to both providers: " +
            $"dotnet ef migrations add NAME --project src/Cadre.Migrations.{provider} (see docs).");
    }

    [Fact]
    public async Task A_fresh_SQLite_file_migrates_to_the_latest_migration()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cadre-migrate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using (var db = Context(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "cadre.db")}"))
            {
                await db.Database.MigrateAsync(Ct);
                Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
                Assert.Equal(0, await db.Plans.CountAsync(Ct));
                var connection = db.Database.GetDbConnection();
                await db.Database.OpenConnectionAsync(Ct);
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode";
                Assert.Equal("wal", (string?)await pragma.ExecuteScalarAsync(Ct));
                await db.Database.CloseConnectionAsync();
            }
            // Migrating again is a no-op.
            await using (var again = Context(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "cadre.db")}"))
            {
                await again.Database.MigrateAsync(Ct);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_fresh_PostgreSQL_database_migrates_to_the_latest_migration()
    {
        var server = Environment.GetEnvironmentVariable("CADRE_TEST_POSTGRES");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(server), "CADRE_TEST_POSTGRES is not set (./test.sh sets it).");
        var name = "cadre_migrate_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(Ct);
        }
        try
        {
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
            await using var db = Context(DatabaseProvider.Postgres, cs);
            await db.Database.MigrateAsync(Ct);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
            Assert.Equal(0, await db.Plans.CountAsync(Ct));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync(Ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(Ct);
        }
    }
}

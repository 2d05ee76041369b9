using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the provider and migrations assembly from configuration.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Cadre.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Cadre.Migrations.Postgres";
    public const string DefaultSqliteConnection = "Data Source=data/cadre.db";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var p)
            ? p
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{value}'.");
    }

    public static string ConnectionStringFrom(IConfiguration configuration, string? contentRoot = null)
    {
        var cs = configuration.GetConnectionString("Cadre");
        if (!string.IsNullOrWhiteSpace(cs)) return cs;
        if (ProviderFrom(configuration) == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("ConnectionStrings:Cadre is required when Database:Provider is Postgres.");
        }
        return DefaultSqliteConnection;
    }

    /// <summary>Makes a relative SQLite file path absolute under <paramref name="root"/> and creates its folder.</summary>
    public static string ResolveSqlitePath(string connectionString, string root)
    {
        var b = new SqliteConnectionStringBuilder(connectionString);
        if (b.DataSource != ":memory:" && !b.DataSource.StartsWith("file:", StringComparison.Ordinal) && b.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(b.DataSource)) b.DataSource = Path.GetFullPath(Path.Combine(root, b.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(b.DataSource)!);
        }
        return b.ToString();
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
        }
    }

    public static IServiceCollection AddCadreData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderFrom(configuration);
        var cs = ConnectionStringFrom(configuration);
        if (provider == DatabaseProvider.Sqlite) cs = ResolveSqlitePath(cs, contentRoot);
        services.AddDbContext<CadreDbContext>(o => Configure(o, provider, cs));
        return services;
    }
}

/// <summary>
/// WAL and synchronous=FULL on every SQLite connection: an acknowledged write survives a crash or power loss.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}

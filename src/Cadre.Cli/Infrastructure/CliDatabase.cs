using System.Data.Common;
using Cadre.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Cadre.Cli.Infrastructure;

/// <summary>The database a run works on, and where that choice came from (shown with <c>--verbose</c>).</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString, string? SqlitePath, string Source)
{
    /// <summary>The connection string without its password, fit for the terminal.</summary>
    public string Display
    {
        get
        {
            if (SqlitePath is not null) return SqlitePath;
            var b = new DbConnectionStringBuilder { ConnectionString = ConnectionString };
            foreach (var key in new[] { "Password", "Pwd" }) b.Remove(key);
            return b.ConnectionString;
        }
    }
}

/// <summary>
/// Chooses the database from configuration. The SQLite default (<c>Data Source=data/cadre.db</c>) is the
/// file the web app uses: inside the repository it is resolved against <c>src/Cadre.Web</c> (the web
/// app's content root under <c>dotnet run --project src/Cadre.Web</c>), elsewhere against the current
/// directory. A relative path given explicitly is resolved against the current directory, as a shell user expects.
/// </summary>
public static class CliDatabase
{
    public const string SolutionFile = "Cadre.slnx";

    /// <summary>The folder holding Cadre.slnx, found by walking up from <paramref name="start"/>; null outside the repository.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        return null;
    }

    public static DatabaseTarget Resolve(IConfiguration configuration, string currentDirectory)
    {
        DatabaseProvider provider;
        try
        {
            provider = DatabaseSetup.ProviderFrom(configuration);
        }
        catch (InvalidOperationException)
        {
            throw CliException.Usage("Error.BadProvider", configuration["Database:Provider"]);
        }

        var configured = configuration.GetConnectionString("Cadre");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(configured)) throw CliException.Usage("Error.PostgresNeedsConnection");
            return new DatabaseTarget(provider, configured, null, CliText.Get("Source.Configured"));
        }

        string baseDirectory;
        string source;
        string connectionString;
        if (string.IsNullOrWhiteSpace(configured))
        {
            connectionString = DatabaseSetup.DefaultSqliteConnection;
            var root = FindRepositoryRoot(currentDirectory);
            baseDirectory = root is null ? currentDirectory : Path.Combine(root, "src", "Cadre.Web");
            source = root is null ? CliText.Get("Source.DefaultCurrentDirectory") : CliText.Format("Source.DefaultRepository", root);
        }
        else
        {
            connectionString = configured;
            baseDirectory = currentDirectory;
            source = CliText.Get("Source.Configured");
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw CliException.Usage("Error.BadConnectionString", ex.Message);
        }
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            || builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            throw CliException.Usage("Error.SqliteNeedsFile");
        }
        builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
        return new DatabaseTarget(provider, builder.ToString(), builder.DataSource, source);
    }
}

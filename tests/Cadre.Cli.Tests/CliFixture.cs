using System.Globalization;
using System.Text;
using Cadre.Cli;
using Cadre.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cadre.Cli.Tests;

public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>A temporary folder with a SQLite database path; <c>cadre</c> runs in-process against it.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "cadre-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DatabasePath = System.IO.Path.Combine(Folder, "cadre.db");
    }

    public string Folder { get; }
    public string DatabasePath { get; }
    public string ConnectionString => $"Data Source={DatabasePath}";

    public string File(string name) => System.IO.Path.Combine(Folder, name);

    /// <summary>Runs <c>cadre ARGS --provider Sqlite --connection ...</c> with <paramref name="stdin"/> as standard input.</summary>
    public async Task<CliResult> RunWithInputAsync(string? stdin, params string[] args)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CadreCli.RunAsync([.. args, "--provider", "Sqlite", "--connection", ConnectionString],
            new StringReader(stdin ?? ""), output, error, TestContext.Current.CancellationToken);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    public async Task MigrateAsync()
    {
        var r = await RunAsync("db", "migrate");
        Assert.True(r.ExitCode == 0, r.ToString());
    }

    /// <summary>The same services as the CLI, for arranging data through Core handlers and checking results.</summary>
    public ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Cadre"] = ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        CadreCli.AddServices(services, configuration);
        return services.BuildServiceProvider();
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var provider = Services();
        await using var scope = provider.CreateAsyncScope();
        try
        {
            return await work(scope.ServiceProvider);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    public Task<long> CountAsync(string table) => WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<CadreDbContext>();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    });

    /// <summary>Every table's rows, in a fixed order, as text: two databases with equal dumps hold the same data.</summary>
    public static string Dump(string path)
    {
        var text = new StringBuilder();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            connection.Open();
            var tables = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
                using var reader = command.ExecuteReader();
                while (reader.Read()) tables.Add(reader.GetString(0));
            }
            foreach (var table in tables)
            {
                text.Append("## ").AppendLine(table);
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                using var reader = command.ExecuteReader();
                var rows = new List<string>();
                while (reader.Read())
                {
                    var cells = Enumerable.Range(0, reader.FieldCount)
                        .Select(i => reader.GetName(i) + "=" + (reader.IsDBNull(i) ? "NULL" : reader.GetValue(i) is byte[] b ? Convert.ToHexString(b) : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)));
                    rows.Add(string.Join("|", cells));
                }
                rows.Sort(StringComparer.Ordinal);
                foreach (var row in rows) text.AppendLine(row);
            }
        }
        SqliteConnection.ClearAllPools();
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }
}

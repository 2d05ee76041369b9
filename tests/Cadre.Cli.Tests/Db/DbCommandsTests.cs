using Cadre.Cli.Infrastructure;
using Cadre.Core.Data;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Cadre.Cli.Tests.Db;

public sealed class DbCommandsTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Migrate_creates_the_database_and_prints_the_migrations_it_applied()
    {
        var r = await _db.RunAsync("db", "migrate");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("_Initial", r.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(_db.DatabasePath));

        var again = await _db.RunAsync("db", "migrate");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("up to date", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_lists_pending_migrations_without_creating_the_database()
    {
        var before = await _db.RunAsync("db", "status");
        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Contains("_Initial", before.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(_db.DatabasePath));

        await _db.MigrateAsync();
        var after = await _db.RunAsync("db", "status");
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("No pending migrations", after.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("users", "list")]
    [InlineData("planning", "list")]
    [InlineData("planning", "export", "--plan", "X")]
    public async Task Data_commands_on_a_missing_database_exit_with_2_and_say_how_to_create_it(params string[] args)
    {
        var r = await _db.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("cadre db migrate", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_db.DatabasePath));
    }

    [Fact]
    public async Task Backup_then_restore_gives_a_database_whose_tables_equal_the_original()
    {
        await _db.MigrateAsync();
        Assert.Equal(0, (await _db.RunWithInputAsync("correct horse battery staple\n", "users", "add", "--email", "ada@example.org", "--role", "Planner")).ExitCode);
        await PlanningTestData.CreateSmallPlanAsync(_db, "SP-2024");
        Assert.Equal(0, (await _db.RunAsync("users", "token", "--email", "ada@example.org", "--name", "ci")).ExitCode);
        var original = TempDatabase.Dump(_db.DatabasePath);

        var backup = _db.File("backup.db");
        var b = await _db.RunAsync("db", "backup", backup);
        Assert.True(b.ExitCode == 0, b.ToString());
        Assert.Equal(original, TempDatabase.Dump(backup));

        // Change the live database, then bring it back.
        await PlanningTestData.CreateSmallPlanAsync(_db, "OP-2025");
        Assert.NotEqual(original, TempDatabase.Dump(_db.DatabasePath));

        var refused = await _db.RunAsync("db", "restore", backup);
        Assert.Equal(ExitCodes.Invalid, refused.ExitCode);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);

        var restored = await _db.RunAsync("db", "restore", backup, "--force");
        Assert.True(restored.ExitCode == 0, restored.ToString());
        Assert.Equal(original, TempDatabase.Dump(_db.DatabasePath));

        // The restored database is usable by the commands.
        var list = await _db.RunAsync("planning", "list", "--json");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("SP-2024", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("OP-2025", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_into_a_new_database_file_gives_the_same_tables()
    {
        await _db.MigrateAsync();
        await PlanningTestData.CreateSmallPlanAsync(_db, "SP-2024");
        var backup = _db.File("backup.db");
        Assert.Equal(0, (await _db.RunAsync("db", "backup", backup)).ExitCode);

        await using var fresh = new TempDatabase();
        var r = await fresh.RunAsync("db", "restore", backup);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(TempDatabase.Dump(_db.DatabasePath), TempDatabase.Dump(fresh.DatabasePath));
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_a_file_without_force()
    {
        await _db.MigrateAsync();
        var backup = _db.File("backup.db");
        await File.WriteAllTextAsync(backup, "keep me", TestContext.Current.CancellationToken);

        var r = await _db.RunAsync("db", "backup", backup);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Equal("keep me", await File.ReadAllTextAsync(backup, TestContext.Current.CancellationToken));

        Assert.Equal(0, (await _db.RunAsync("db", "backup", backup, "--force")).ExitCode);
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_Cadre_database()
    {
        await _db.MigrateAsync();
        var before = TempDatabase.Dump(_db.DatabasePath);
        var bogus = _db.File("bogus.db");
        await File.WriteAllTextAsync(bogus, "not a database at all, just text", TestContext.Current.CancellationToken);

        var r = await _db.RunAsync("db", "restore", bogus, "--force");

        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Equal(before, TempDatabase.Dump(_db.DatabasePath));
    }

    [Theory]
    [InlineData("backup", "pg_dump")]
    [InlineData("restore", "pg_restore")]
    public async Task Backup_and_restore_on_PostgreSQL_point_to_the_PostgreSQL_tools_and_exit_with_2(string verb, string tool)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CadreCli.RunAsync(["db", verb, _db.File("x.dump"), "--provider", "Postgres", "--connection", "Host=127.0.0.1;Port=1;Database=cadre;Username=cadre;Password=secret"],
            new StringReader(""), output, error, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(tool, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_SQLite_database_inside_the_repository_is_the_web_apps()
    {
        var root = Path.Combine(Path.GetTempPath(), "cadre-cli-tests", Guid.NewGuid().ToString("N"));
        var nested = Path.Combine(root, "docs", "adr");
        Directory.CreateDirectory(nested);
        File.WriteAllText(Path.Combine(root, CliDatabase.SolutionFile), "<Solution />");
        try
        {
            var empty = new ConfigurationBuilder().Build();
            var inside = CliDatabase.Resolve(empty, nested);
            Assert.Equal(Path.Combine(root, "src", "Cadre.Web", "data", "cadre.db"), inside.SqlitePath);
            Assert.Equal(DatabaseProvider.Sqlite, inside.Provider);

            var outside = CliDatabase.Resolve(empty, Path.GetTempPath());
            Assert.Equal(Path.GetFullPath(Path.Combine(Path.GetTempPath(), "data", "cadre.db")), outside.SqlitePath);

            var given = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Cadre"] = "Data Source=mine.db" }).Build();
            Assert.Equal(Path.Combine(nested, "mine.db"), CliDatabase.Resolve(given, nested).SqlitePath);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Verbose_prints_which_database_is_used_on_stderr()
    {
        var r = await _db.RunAsync("db", "status", "--verbose");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains(_db.DatabasePath, r.Error, StringComparison.Ordinal);
    }
}

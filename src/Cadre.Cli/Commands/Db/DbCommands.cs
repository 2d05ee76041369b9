using System.CommandLine;
using Cadre.Cli.Infrastructure;
using Cadre.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cadre.Cli.Commands.Db;

/// <summary><c>cadre db</c>: migrations, status, backup and restore.</summary>
public static class DbCommands
{
    public static Command Create(CliContext cli)
    {
        var db = new Command("db", CliText.Get("Db.Description"));
        db.Subcommands.Add(Migrate(cli));
        db.Subcommands.Add(Status(cli));
        db.Subcommands.Add(Backup(cli));
        db.Subcommands.Add(Restore(cli));
        return db;
    }

    private static Command Migrate(CliContext cli)
    {
        var command = new Command("migrate", CliText.Get("Db.Migrate.Description"));
        cli.SetAction(command, DatabaseUse.Create, async (r, session, ct) =>
        {
            var db = session.Db;
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count == 0)
            {
                cli.Console.Out.WriteLine(CliText.Format("Db.Migrate.UpToDate", session.Target.Provider));
                return ExitCodes.Ok;
            }
            var migrator = db.GetService<IMigrator>();
            // One migration at a time, so that the progress bar moves and a failure names its migration.
            await cli.Console.ProgressAsync(CliText.Get("Db.Migrate.Progress"), pending.Count, async step =>
            {
                foreach (var migration in pending)
                {
                    step(CliText.Format("Db.Migrate.Applying", migration));
                    await migrator.MigrateAsync(migration, ct);
                }
            });
            foreach (var migration in pending) cli.Console.Out.WriteLine(CliText.Format("Db.Migrate.Applied", migration));
            cli.Console.Out.WriteLine(CliText.Format("Db.Migrate.Done", pending.Count, session.Target.Provider, session.Target.Display));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Status(CliContext cli)
    {
        var command = new Command("status", CliText.Get("Db.Status.Description"));
        cli.SetAction(command, DatabaseUse.Inspect, async (r, session, ct) =>
        {
            var db = session.Db;
            List<string> pending;
            if (session.Target.SqlitePath is { } path && !File.Exists(path))
            {
                cli.Console.Out.WriteLine(CliText.Format("Db.Status.Missing", path));
                pending = db.Database.GetMigrations().ToList();
            }
            else
            {
                var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
                cli.Console.Out.WriteLine(CliText.Format("Db.Status.Applied", applied.Count, session.Target.Provider, session.Target.Display));
                pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            }
            if (pending.Count == 0)
            {
                cli.Console.Out.WriteLine(CliText.Get("Db.Status.UpToDate"));
                return ExitCodes.Ok;
            }
            cli.Console.Out.WriteLine(CliText.Format("Db.Status.Pending", pending.Count));
            foreach (var migration in pending) cli.Console.Out.WriteLine("  " + migration);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Backup(CliContext cli)
    {
        var file = new Argument<FileInfo>("FILE") { Description = CliText.Get("Db.Backup.File") };
        var force = new Option<bool>("--force") { Description = CliText.Get("Db.Backup.Force") };
        var command = new Command("backup", CliText.Get("Db.Backup.Description")) { file, force };
        cli.SetAction(command, DatabaseUse.Inspect, async (r, session, ct) =>
        {
            var source = RequireSqlite(session, "backup");
            if (!File.Exists(source)) throw CliException.Usage("Error.DatabaseMissing", source);
            var destination = r.GetValue(file)!.FullName;
            if (File.Exists(destination) && !r.GetValue(force)) throw CliException.Invalid("Db.Backup.Exists", destination);
            if (SamePath(source, destination)) throw CliException.Usage("Db.SameFile");

            await cli.Console.StatusAsync(CliText.Format("Db.Backup.Progress", destination), async stage =>
            {
                var temporary = destination + ".partial";
                File.Delete(temporary);
                await SqliteBackup.CopyAsync(session.Target.ConnectionString, temporary, ct);
                stage(CliText.Get("Db.Backup.Checking"));
                await SqliteBackup.CheckIntegrityAsync(temporary, ct);
                File.Move(temporary, destination, overwrite: true);
                return 0;
            });
            cli.Console.Out.WriteLine(CliText.Format("Db.Backup.Done", source, destination, new FileInfo(destination).Length));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Restore(CliContext cli)
    {
        var file = new Argument<FileInfo>("FILE") { Description = CliText.Get("Db.Restore.File") };
        var force = new Option<bool>("--force") { Description = CliText.Get("Db.Restore.Force") };
        var command = new Command("restore", CliText.Get("Db.Restore.Description")) { file, force };
        cli.SetAction(command, DatabaseUse.Inspect, async (r, session, ct) =>
        {
            var destination = RequireSqlite(session, "restore");
            var backup = r.GetValue(file)!.FullName;
            if (!File.Exists(backup)) throw CliException.Usage("Error.FileMissing", backup);
            if (SamePath(backup, destination)) throw CliException.Usage("Db.SameFile");
            if (File.Exists(destination) && !r.GetValue(force)) throw CliException.Invalid("Db.Restore.Exists", destination);

            await cli.Console.StatusAsync(CliText.Format("Db.Restore.Progress", backup), async stage =>
            {
                await SqliteBackup.CheckIsCadreBackupAsync(backup, ct);
                stage(CliText.Get("Db.Restore.Copying"));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                await SqliteBackup.RestoreAsync(backup, session.Target.ConnectionString, ct);
                return 0;
            });
            cli.Console.Out.WriteLine(CliText.Format("Db.Restore.Done", backup, destination));

            var pending = (await session.Db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0) cli.Console.Out.WriteLine(CliText.Format("Db.Restore.NeedsMigration", pending.Count));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string RequireSqlite(CliSession session, string verb) =>
        session.Target.SqlitePath ?? throw CliException.Usage(verb == "backup" ? "Db.Backup.Postgres" : "Db.Restore.Postgres");

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// SQLite's online backup API: a consistent copy while the web app keeps running, WAL contents included.
/// A backup is a single self-contained file (rollback journal, not WAL).
/// </summary>
internal static class SqliteBackup
{
    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();

    public static async Task CopyAsync(string sourceConnectionString, string destinationPath, CancellationToken ct)
    {
        await using var source = new SqliteConnection(sourceConnectionString);
        await source.OpenAsync(ct);
        await using (var destination = new SqliteConnection(FileConnection(destinationPath)))
        {
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
            await ExecuteAsync(destination, "PRAGMA journal_mode=DELETE;", ct);
        }
        SqliteConnection.ClearAllPools();
    }

    public static async Task RestoreAsync(string backupPath, string destinationConnectionString, CancellationToken ct)
    {
        await using (var source = new SqliteConnection(FileConnection(backupPath, readOnly: true)))
        await using (var destination = new SqliteConnection(destinationConnectionString))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            await ExecuteAsync(destination, "PRAGMA busy_timeout=5000;", ct);
            source.BackupDatabase(destination);
            await ExecuteAsync(destination, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", ct);
        }
        SqliteConnection.ClearAllPools();
    }

    public static async Task CheckIntegrityAsync(string path, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(FileConnection(path, readOnly: true));
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var result = (string?)await command.ExecuteScalarAsync(ct);
        if (result != "ok") throw CliException.Invalid("Db.Backup.Corrupt", path, result);
    }

    /// <summary>Refuses files that are not SQLite databases holding Cadre's migration history.</summary>
    public static async Task CheckIsCadreBackupAsync(string path, CancellationToken ct)
    {
        var header = new byte[Header.Length];
        await using (var stream = File.OpenRead(path))
        {
            var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
            if (read < header.Length || !header.AsSpan().SequenceEqual(Header)) throw CliException.Invalid("Db.Restore.NotSqlite", path);
        }
        await CheckIntegrityAsync(path, ct);
        await using var connection = new SqliteConnection(FileConnection(path, readOnly: true));
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            throw CliException.Invalid("Db.Restore.NotCadre", path);
        }
        SqliteConnection.ClearAllPools();
    }

    private static string FileConnection(string path, bool readOnly = false) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
    }.ToString();

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}

using System.CommandLine;
using System.Data.Common;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cadre.Cli.Infrastructure;

/// <summary>What a command needs from the database before it runs.</summary>
public enum DatabaseUse
{
    /// <summary>The database must exist and be fully migrated (every data command).</summary>
    Existing,
    /// <summary>The database may be missing or behind: <c>db migrate</c> creates and updates it.</summary>
    Create,
    /// <summary>Only inspected, never created (<c>db status</c>, <c>db backup</c>).</summary>
    Inspect,
}

/// <summary>
/// One run of <c>cadre</c>: the console, the global options, and the guard that turns failures into
/// messages on standard error and exit codes.
/// </summary>
public sealed class CliContext(CliConsole console, Action<IServiceCollection, IConfiguration> configureServices)
{
    public CliConsole Console { get; } = console;

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = CliText.Get("Option.Connection"),
        HelpName = "STRING",
        Recursive = true,
    };

    public Option<string?> Provider { get; } = new Option<string?>("--provider")
    {
        Description = CliText.Get("Option.Provider"),
        Recursive = true,
    }.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.Postgres));

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = CliText.Get("Option.Verbose"),
        Recursive = true,
    };

    public void AddGlobalOptions(RootCommand root)
    {
        root.Options.Add(Connection);
        root.Options.Add(Provider);
        root.Options.Add(Verbose);
        // System.CommandLine's own text for --help is not translated into every language; ours is.
        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>()) help.Description = CliText.Get("Option.Help");
    }

    /// <summary>Sets a command's action, run inside the guard.</summary>
    public void SetAction(Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction((r, ct) => GuardAsync(r, action, ct));

    /// <summary>Sets a command's action that works on the database, opened for <paramref name="use"/>.</summary>
    public void SetAction(Command command, DatabaseUse use, Func<ParseResult, CliSession, CancellationToken, Task<int>> action) =>
        SetAction(command, async (r, ct) =>
        {
            await using var session = await OpenAsync(r, use, ct);
            return await action(r, session, ct);
        });

    /// <summary>Reads configuration (appsettings.json next to the executable, environment, options) and builds the services.</summary>
    public async Task<CliSession> OpenAsync(ParseResult r, DatabaseUse use, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        var overrides = new Dictionary<string, string?>();
        if (r.GetValue(Provider) is { } provider) overrides["Database:Provider"] = provider;
        if (r.GetValue(Connection) is { } connection) overrides["ConnectionStrings:Cadre"] = connection;
        builder.Configuration.AddInMemoryCollection(overrides);

        var target = CliDatabase.Resolve(builder.Configuration, Environment.CurrentDirectory);
        if (r.GetValue(Verbose)) Console.Error.WriteLine(CliText.Format("Verbose.Database", target.Provider, target.Display, target.Source));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = target.Provider.ToString(),
            ["ConnectionStrings:Cadre"] = target.ConnectionString,
        });

        if (target.SqlitePath is { } path && use != DatabaseUse.Create && !File.Exists(path))
        {
            if (use == DatabaseUse.Existing) throw CliException.Usage("Error.DatabaseMissing", path);
        }
        configureServices(builder.Services, builder.Configuration);
        var host = builder.Build();
        var session = new CliSession(host, target, r.GetValue(Verbose));
        try
        {
            if (use == DatabaseUse.Existing)
            {
                var pending = await session.Db.Database.GetPendingMigrationsAsync(ct);
                if (pending.Any()) throw CliException.Usage("Error.DatabaseNeedsMigration", pending.Count());
            }
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private async Task<int> GuardAsync(ParseResult r, Func<ParseResult, CancellationToken, Task<int>> action, CancellationToken ct)
    {
        var verbose = r.GetValue(Verbose);
        try
        {
            return await action(r, ct);
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return ex.ExitCode;
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, messages) in ex.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                foreach (var message in messages) Console.Error.WriteLine($"{field}: {message}");
            }
            return ExitCodes.Invalid;
        }
        catch (CadreException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return ExitCodes.Invalid;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine(CliText.Get("Error.Cancelled"));
            return ExitCodes.Cancelled;
        }
        catch (DbUpdateException ex)
        {
            Console.Error.WriteLine(CliText.Format("Error.DatabaseRefused", (ex.InnerException ?? ex).Message));
            if (verbose) Console.Error.WriteLine(ex);
            return ExitCodes.Invalid;
        }
        catch (DbException ex)
        {
            Console.Error.WriteLine(CliText.Format("Error.Database", ex.Message));
            if (verbose) Console.Error.WriteLine(ex);
            return ExitCodes.Usage;
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine(CliText.Format("Error.File", ex.Message));
            if (verbose) Console.Error.WriteLine(ex);
            return ExitCodes.Usage;
        }
        catch (UnauthorizedAccessException ex)
        {
            Console.Error.WriteLine(CliText.Format("Error.File", ex.Message));
            if (verbose) Console.Error.WriteLine(ex);
            return ExitCodes.Usage;
        }
#pragma warning disable CA1031 // The last line of defence: a message and an exit code instead of a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine(CliText.Format("Error.Unexpected", ex.Message));
            Console.Error.WriteLine(verbose ? ex.ToString() : CliText.Get("Error.UseVerbose"));
            return ExitCodes.Usage;
        }
    }
}

/// <summary>The services of one command run, in one scope; disposing it releases the database file.</summary>
public sealed class CliSession : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly AsyncServiceScope _scope;

    internal CliSession(IHost host, DatabaseTarget target, bool verbose)
    {
        _host = host;
        _scope = host.Services.CreateAsyncScope();
        Target = target;
        Verbose = verbose;
    }

    public DatabaseTarget Target { get; }
    public bool Verbose { get; }
    public IServiceProvider Services => _scope.ServiceProvider;
    public CadreDbContext Db => Get<CadreDbContext>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        if (_host is IAsyncDisposable d) await d.DisposeAsync();
        else _host.Dispose();
        // Pooled connections keep the SQLite file open; backup, restore and tests need it released.
        if (Target.SqlitePath is not null) SqliteConnection.ClearAllPools();
    }
}

using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Identity;
using Cadre.Core.Planning.Handlers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cadre.Browser.Tests.Infrastructure;

/// <summary>A demo account created for one test.</summary>
public sealed record TestUser(string Email, string Password, string Role);

/// <summary>
/// The real Cadre web app on Kestrel, on a free loopback port, in the "Testing" environment, with a fresh
/// SQLite database (migrations applied) in a temporary folder. Every warning and error the app logs is collected.
/// </summary>
public sealed class CadreApp : WebApplicationFactory<Program>
{
    /// <summary>The vocabulary the journeys link elements to (created by <see cref="SeedVocabularyAsync"/>).</summary>
    public const string VocabularyCode = "BT-SDG";

    private readonly string _folder = Directory.CreateTempSubdirectory("cadre-browser-").FullName;

    private CadreApp() => UseKestrel(0);

    public LogCollector Logs { get; } = new();

    public string DatabasePath => Path.Combine(_folder, "cadre.db");

    /// <summary>The address the app listens on, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    public static TestUser Planner { get; } = new("planner@browser.test", "violet-harbour-lantern-7193", Roles.Planner);
    public static TestUser Delegate { get; } = new("delegate@browser.test", "copper-meadow-quartz-4826", Roles.Delegate);
    public static TestUser Admin { get; } = new("admin@browser.test", "amber-glacier-willow-5307", Roles.Admin);
    public static TestUser Reporter { get; } = new("reporter@browser.test", "saffron-delta-pebble-6418", Roles.Reporter);
    public static TestUser Validator { get; } = new("validator@browser.test", "indigo-canyon-thistle-2957", Roles.Validator);

    /// <summary>Starts the app, applies the migrations, and creates the demo users and the test vocabulary.</summary>
    public static async Task<CadreApp> StartAsync(CancellationToken ct)
    {
        var app = new CadreApp();
        try
        {
            // The database must exist before the host starts: the data protection key ring is read at start.
            await app.MigrateAsync(ct);
            app.StartServer();
            await app.CreateUserAsync(Planner);
            await app.CreateUserAsync(Delegate);
            await app.CreateUserAsync(Admin);
            await app.CreateUserAsync(Reporter);
            await app.CreateUserAsync(Validator);
            await app.SeedVocabularyAsync(ct);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Cadre", $"Data Source={DatabasePath}");
        // The journeys sign in with a password; TOTP has its own tests.
        builder.UseSetting("Security:RequireMfaForPrivilegedRoles", "false");
        builder.UseSetting("Demo:Load", "false");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>A database context acting as the system (the app's own contexts act as the signed-in user).</summary>
    public CadreDbContext CreateSystemDb(IServiceProvider services) =>
        new(services.GetRequiredService<DbContextOptions<CadreDbContext>>(), FixedActor.System, TimeProvider.System);

    private async Task MigrateAsync(CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={DatabasePath}");
        await using var db = new CadreDbContext(options.Options, FixedActor.System, TimeProvider.System);
        await db.Database.MigrateAsync(ct);
    }

    public async Task CreateUserAsync(TestUser user)
    {
        await using var scope = Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(user.Role)) Check(await roles.CreateAsync(new IdentityRole(user.Role)), user.Role);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        var created = new CadreUser
        {
            UserName = user.Email,
            Email = user.Email,
            EmailConfirmed = true,
            DisplayName = user.Role + " (browser tests)",
            CreatedAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(created, user.Password), user.Email);
        Check(await users.AddToRoleAsync(created, user.Role), user.Email);
    }

    /// <summary>A small vocabulary through the Core handlers, in English and French.</summary>
    private async Task SeedVocabularyAsync(CancellationToken ct)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = CreateSystemDb(scope.ServiceProvider);
        var vocabulary = await new SaveVocabulary(db).HandleAsync(new(null, null, VocabularyCode,
            new Dictionary<string, string?> { ["en"] = "Sustainable Development Goals", ["fr"] = "Objectifs de développement durable" }), ct);
        string[][] entries =
        [
            ["4", "Quality education", "Éducation de qualité"],
            ["9", "Industry, innovation and infrastructure", "Industrie, innovation et infrastructure"],
            ["17", "Partnerships for the goals", "Partenariats pour la réalisation des objectifs"],
        ];
        foreach (var e in entries)
        {
            await new SaveVocabularyEntry(db).HandleAsync(new(vocabulary.Id, null, null, e[0],
                new Dictionary<string, string?> { ["en"] = e[1], ["fr"] = e[2] }), ct);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Setting up {what} failed: " + string.Join("; ", result.Errors.Select(e => e.Code + " " + e.Description)));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temporary folder is left behind.
        }
        GC.SuppressFinalize(this);
    }
}

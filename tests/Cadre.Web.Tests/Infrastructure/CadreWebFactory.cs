using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Cadre.Web.Api.Planning;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cadre.Web.Tests.Infrastructure;

/// <summary>
/// The app on a test server, with its own fresh database (one per test class): a temporary SQLite
/// file, or, when <c>CADRE_TEST_PROVIDER=Postgres</c>, a new database on the server named by
/// <c>CADRE_TEST_POSTGRES</c>. Migrated at start, dropped at the end. Intent methods create users,
/// authenticated clients and plans through the same paths the app uses.
/// </summary>
public class CadreWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ProviderVariable = "CADRE_TEST_PROVIDER";
    public const string PostgresVariable = "CADRE_TEST_POSTGRES";

    private readonly string _name = "cadre_test_" + Guid.NewGuid().ToString("N")[..16];
    private string? _sqliteFolder;
    private int _userCount;

    public CadreWebFactory()
    {
        Provider = ProviderFromEnvironment();
        if (Provider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                // Never fall back to SQLite: a green run would then claim PostgreSQL was tested.
                throw new InvalidOperationException(
                    $"{ProviderVariable}=Postgres but {PostgresVariable} is empty. Set it to a connection string to the 'postgres' database of a test server " +
                    "(./test.sh starts one), e.g. Host=127.0.0.1;Port=54329;Username=postgres;Database=postgres.");
            }
            ServerConnectionString = server;
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name, Pooling = true }.ToString();
        }
        else
        {
            _sqliteFolder = Path.Combine(Path.GetTempPath(), _name);
            ConnectionString = $"Data Source={Path.Combine(_sqliteFolder, "cadre.db")}";
        }
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private string? ServerConnectionString { get; }

    public LogCollector Logs { get; } = new();

    /// <summary>Log entries every test may produce; tests add their own with <see cref="ApiTest.ExpectLog"/>.</summary>
    public static bool IsAlwaysAllowed(LogRecord r) =>
        // Keys are kept in the database (shared by web nodes); encrypting them at rest is configured per deployment.
        (r.Category.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal) && r.Message.Contains("No XML encryptor configured", StringComparison.Ordinal))
        // The test server has no body-size feature (Kestrel has); the API checks sizes itself, and BadInputApiTests covers that.
        || (r.EventId.Name is "RequestSizeFeatureNotFound" or "FeatureNotFound" && r.Message.Contains("request body size limit could not be applied", StringComparison.Ordinal));

    public static DatabaseProvider ProviderFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(ProviderVariable);
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var p)
            ? p
            : throw new InvalidOperationException($"{ProviderVariable} must be Sqlite or Postgres, not '{value}'.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Cadre", ConnectionString);
        builder.UseSetting("Demo:Load", "false");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    public async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await using var server = new NpgsqlConnection(ServerConnectionString);
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        else
        {
            Directory.CreateDirectory(_sqliteFolder!);
        }

        // Migrate before the host starts, as `cadre db migrate` does before a deployment starts.
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, Provider, ConnectionString);
        await using (var db = new CadreDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }

        await using var scope = Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(ServerConnectionString);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteFolder!, recursive: true);
            }
            catch (IOException)
            {
                // A file left in the temp folder is harmless.
            }
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>A new DbContext on the test database, acting as the system (for setup and for checking what was stored).</summary>
    public CadreDbContext NewDbContext()
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, Provider, ConnectionString);
        return new CadreDbContext(options.Options, FixedActor.System);
    }

    /// <summary>Creates a user in <paramref name="role"/> (no password: tests sign in with access tokens), with a Member affiliation if given.</summary>
    public async Task<CadreUser> CreateUserAsync(string role, string? memberCode = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CadreDbContext>();
        int? memberId = null;
        if (memberCode is not null)
        {
            var member = await db.Members.FirstOrDefaultAsync(m => m.Code == memberCode);
            if (member is null)
            {
                member = new Member { Code = memberCode, Name = new LocalizedText(memberCode), Kind = MemberKind.MemberState };
                db.Members.Add(member);
                await db.SaveChangesAsync();
            }
            memberId = member.Id;
        }
        var n = Interlocked.Increment(ref _userCount);
        var email = $"{role.ToLowerInvariant()}{n}@test.cadre.example";
        var user = new CadreUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"{role} {n}", MemberId = memberId };
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    /// <summary>An access token (<c>cadre_pat_...</c>) for <paramref name="user"/>, created through Core as <c>cadre users token</c> does.</summary>
    public async Task<string> CreateTokenAsync(CadreUser user)
    {
        await using var scope = Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<AccessTokens>();
        return (await tokens.CreateAsync(user.Id, "tests")).Token;
    }

    /// <summary>A client authenticated with a Bearer access token of a fresh user in <paramref name="role"/>.</summary>
    public async Task<HttpClient> ClientAsAsync(string role, string? memberCode = null)
    {
        var user = await CreateUserAsync(role, memberCode);
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateTokenAsync(user));
        return client;
    }

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private HttpClient? _planner;

    /// <summary>One Planner's client, shared by the setup helpers of a test class.</summary>
    public async Task<HttpClient> PlannerAsync() => _planner ??= await ClientAsAsync(Roles.Planner);

    /// <summary>Creates a draft plan through the API (ITU strategic framework unless told otherwise).</summary>
    public async Task<PlanResponse> CreatePlanAsync(string? code = null, string framework = "itu-strategic", int startYear = 2024, int endYear = 2027)
    {
        var planner = await PlannerAsync();
        code ??= "P-" + Guid.NewGuid().ToString("N")[..8];
        var response = await planner.PostAsJsonAsync("/api/v1/plans",
            new CreatePlanRequest(Core.Planning.PlanKind.Strategic, code, new() { ["en"] = $"Plan {code}", ["fr"] = $"Plan {code} (fr)" }, null, startYear, endYear, "en", framework),
            Rest.Json);
        return await Rest.ReadAsync<PlanResponse>(response, System.Net.HttpStatusCode.Created);
    }

    /// <summary>Adds an element through the API.</summary>
    public async Task<ElementResponse> CreateElementAsync(int planId, string level, string code, int? parentId = null, string? title = null)
    {
        var planner = await PlannerAsync();
        var response = await planner.PostAsJsonAsync($"/api/v1/plans/{planId}/elements",
            new CreateElementRequest(parentId, level, code, new() { ["en"] = title ?? $"Element {code}" }), Rest.Json);
        return await Rest.ReadAsync<ElementResponse>(response, System.Net.HttpStatusCode.Created);
    }

    /// <summary>Creates a vocabulary with the given entry codes through the API.</summary>
    public async Task<VocabularyResponse> CreateVocabularyAsync(string code, params string[] entries)
    {
        var planner = await PlannerAsync();
        await Rest.ReadAsync<VocabularyResponse>(await planner.PostAsJsonAsync("/api/v1/vocabularies",
            new SaveVocabularyRequest(null, code, new() { ["en"] = $"Vocabulary {code}" }), Rest.Json), System.Net.HttpStatusCode.Created);
        foreach (var e in entries)
        {
            await Rest.ReadAsync<EntryResponse>(await planner.PostAsJsonAsync($"/api/v1/vocabularies/{code}/entries",
                new SaveEntryRequest(null, e, new() { ["en"] = $"Entry {e}" }), Rest.Json), System.Net.HttpStatusCode.Created);
        }
        return await Rest.ReadAsync<VocabularyResponse>(await planner.GetAsync($"/api/v1/vocabularies/{code}"));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

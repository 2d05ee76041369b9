using System.Security.Claims;
using System.Text;
using Cadre.Core.Data;
using Cadre.Core.Demo;
using Cadre.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace Cadre.Web.Infrastructure;

/// <summary>
/// Development only: loads the demo data set and creates one account per role, all with the same
/// password, then prints them. Registered by Program.cs in Development; no default credentials exist elsewhere.
/// </summary>
public sealed class DemoAccounts(ILogger<DemoAccounts> log) : IDemoLoader
{
    public const string Password = "Cadre-demo-2026!";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string? Member)> Accounts =
    [
        ("admin@cadre.example", "Amina Diallo", Roles.Admin, null),
        ("planner@cadre.example", "Pierre Lambert", Roles.Planner, null),
        ("reporter@cadre.example", "Rosa Martínez", Roles.Reporter, null),
        ("validator@cadre.example", "Viktor Petrov", Roles.Validator, null),
        ("chair@cadre.example", "Chen Wei", Roles.Chair, null),
        ("delegate.mex@cadre.example", "María Hernández", Roles.Delegate, "MEX"),
        ("delegate.usa@cadre.example", "John Carter", Roles.Delegate, "USA"),
        ("councillor@cadre.example", "Nadia Haddad", Roles.Councillor, null),
    ];

    public async Task LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = ActAsSystem(provider);
        var loaded = await DemoData.LoadAsync(db, ct);
        if (loaded) log.LogInformation("Demo data set loaded.");

        var users = provider.GetRequiredService<UserManager<CadreUser>>();
        var admin = provider.GetRequiredService<UserAdministration>();
        await admin.EnsureRolesAsync(ct);
        foreach (var (email, name, role, member) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            await admin.CreateAsync(new UserAdministration.CreateRequest(email, name, [role], member, Password), ct);
        }
        await DemoGovernance.LinkOfficerAccountsAsync(db, ct);

        var sb = new StringBuilder();
        sb.AppendLine("Demo accounts (Development only), password for all: " + Password);
        foreach (var (email, _, role, member) in Accounts)
        {
            sb.Append("  ").Append(email.PadRight(30)).Append(role);
            if (member is not null) sb.Append(" (").Append(member).Append(')');
            sb.AppendLine();
        }
#pragma warning disable CA1848, CA2254 // printed once at start; a clear block matters more than a structured template
        log.LogInformation(sb.ToString());
#pragma warning restore CA1848, CA2254
    }

    /// <summary>
    /// At start-up there is no request, so the request actor would be "anonymous": the demo is written by a
    /// "demo" actor with the Admin and Planner roles, seen by the database context and the user manager alike.
    /// </summary>
    private static CadreDbContext ActAsSystem(IServiceProvider provider)
    {
        var accessor = provider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext ??= new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, "demo"), new Claim(ClaimTypes.Role, Roles.Admin), new Claim(ClaimTypes.Role, Roles.Planner)], "demo")),
        };
        return provider.GetRequiredService<CadreDbContext>();
    }
}

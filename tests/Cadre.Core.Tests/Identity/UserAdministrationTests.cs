using Cadre.Core.Audit;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Cadre.Core.Tests.Data;
using Xunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Tests.Identity;

public sealed class UserAdministrationTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly FixedActor Admin = new("admin@test", "u-admin", [Roles.Admin]);

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var db = _db.Context(Admin);
        db.Members.Add(new Member { Code = "MEX", Name = new LocalizedText("Mexico"), Kind = MemberKind.MemberState });
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private ServiceProvider Services(ICurrentActor actor)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped(_ => _db.Context(actor));
        services.AddCadreIdentityCore();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Creating_a_user_and_changing_roles_is_audited_with_user_role_entries()
    {
        await using var sp = Services(Admin);
        await using var scope = sp.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var id = await admin.CreateAsync(new UserAdministration.CreateRequest("del@example.org", "Delegate", [Roles.Delegate], "MEX", "lantern over the bay"), Ct);
        await admin.UpdateAsync(id, new UserAdministration.UpdateRequest("Delegate", [Roles.Reporter], null), Ct);

        await using var db = _db.Context(Admin);
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Contains(entries, a => a.EntityType == nameof(CadreUser) && a.Action == AuditActions.Create && a.Actor == "admin@test");
        var roleEntries = entries.Where(a => a.EntityType == "UserRole").ToList();
        Assert.Contains(roleEntries, a => a.Action == AuditActions.Create);
        Assert.Contains(roleEntries, a => a.Action == AuditActions.Delete);
        Assert.All(entries, a => Assert.DoesNotContain("lantern over the bay", a.ChangesJson, StringComparison.Ordinal));
        var row = await admin.GetAsync(id, Ct);
        Assert.Equal([Roles.Reporter], row.Roles);
        Assert.Null(row.MemberCode);
    }

    [Fact]
    public async Task A_delegate_needs_a_member_and_a_common_password_is_refused_and_nothing_is_stored()
    {
        await using var sp = Services(Admin);
        await using var scope = sp.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var noMember = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            admin.CreateAsync(new UserAdministration.CreateRequest("d@example.org", "D", [Roles.Delegate], null, "lantern over the bay"), Ct));
        Assert.True(noMember.Errors.ContainsKey("memberCode"));
        var common = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            admin.CreateAsync(new UserAdministration.CreateRequest("p@example.org", "P", [Roles.Planner], null, "password1234"), Ct));
        Assert.True(common.Errors.ContainsKey("password"));
        await using var db = _db.Context(Admin);
        Assert.False(await db.Users.AnyAsync(Ct));
    }

    [Fact]
    public async Task Disabling_a_user_changes_the_security_stamp()
    {
        await using var sp = Services(Admin);
        await using var scope = sp.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var id = await admin.CreateAsync(new UserAdministration.CreateRequest("r@example.org", "R", [Roles.Reporter], null, "lantern over the bay"), Ct);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        var before = (await users.FindByIdAsync(id))!.SecurityStamp;
        await admin.SetDisabledAsync(id, true, Ct);
        await using var db = _db.Context(Admin);
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Ct);
        Assert.True(stored.IsDisabled);
        Assert.NotEqual(before, stored.SecurityStamp);
    }

    [Fact]
    public async Task Only_an_admin_manages_users()
    {
        await using var sp = Services(new FixedActor("planner@test", "u-planner", [Roles.Planner]));
        await using var scope = sp.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await Assert.ThrowsAsync<ForbiddenException>(() => admin.SearchAsync(null, null, null, null, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            admin.CreateAsync(new UserAdministration.CreateRequest("x@example.org", "X", [Roles.Admin], null, "lantern over the bay"), Ct));
    }
}

using System.Net;
using Cadre.Core.Audit;
using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Cadre.Web.Tests.Identity.IdentityTestSupport;

namespace Cadre.Web.Tests.Identity;

public sealed class AdminUsersTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Fact]
    public async Task Only_admins_reach_user_administration()
    {
        var planner = await App.SignedInClientAsync(await App.CreateUserWithPasswordAsync(Roles.Planner));
        var refused = await planner.GetAsync("/Admin/Users", Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location?.PathAndQuery ?? refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var anonymous = await App.AnonymousClient().GetAsync("/Admin/Users", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        await using var db = App.NewDbContext();
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.AccessDenied).ToListAsync(Ct),
            a => a.Summary != null && a.Summary.Contains("/Admin/Users", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_creates_a_delegate_changes_roles_and_disables_the_account_all_audited()
    {
        ExpectLog("locked out");
        await using (var db = App.NewDbContext())
        {
            if (!await db.Members.AnyAsync(m => m.Code == "MEX", Ct))
            {
                db.Members.Add(new Member { Code = "MEX", Name = new LocalizedText("Mexico"), Kind = MemberKind.MemberState });
                await db.SaveChangesAsync(Ct);
            }
        }
        var admin = await App.SignedInClientAsync(await App.CreateUserWithPasswordAsync(Roles.Admin));
        var list = await admin.GetAsync("/Admin/Users?q=admin&sort=-email", Ct);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);

        var missingMember = await PostFormAsync(admin, "/Admin/Users/Create", "/Admin/Users/Create", new()
        {
            ["Form.Email"] = "new.delegate@test.cadre.example", ["Form.DisplayName"] = "New Delegate", ["Form.Roles"] = Roles.Delegate, ["Form.Password"] = "a calm lantern harbour",
        });
        Assert.Equal(HttpStatusCode.OK, missingMember.StatusCode);
        Assert.Contains("A Delegate must be attached to a Member.", await missingMember.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var created = await PostFormAsync(admin, "/Admin/Users/Create", "/Admin/Users/Create", new()
        {
            ["Form.Email"] = "new.delegate@test.cadre.example", ["Form.DisplayName"] = "New Delegate", ["Form.Roles"] = Roles.Delegate,
            ["Form.MemberCode"] = "MEX", ["Form.Password"] = "a calm lantern harbour",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString;

        var edited = await PostFormAsync(admin, editUrl, editUrl, new()
        {
            ["Form.DisplayName"] = "New Reporter", ["Form.Roles"] = Roles.Reporter,
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var disabled = await PostFormAsync(admin, editUrl, editUrl + "?handler=Disable", []);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostLoginAsync(App.AnonymousClient(), "new.delegate@test.cadre.example", "a calm lantern harbour")).StatusCode);

        var enabled = await PostFormAsync(admin, editUrl, editUrl + "?handler=Enable", []);
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        for (var i = 0; i < 5; i++) await PostLoginAsync(App.AnonymousClient(), "new.delegate@test.cadre.example", "wrong password " + i);
        Assert.Contains("Lift the lockout", await admin.GetStringAsync(editUrl, Ct), StringComparison.Ordinal);
        var reset = await PostFormAsync(admin, editUrl, editUrl + "?handler=ResetLockout", []);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(App.AnonymousClient(), "new.delegate@test.cadre.example", "a calm lantern harbour")).StatusCode);
        var disabledAgain = await PostFormAsync(admin, editUrl, editUrl + "?handler=Disable", []);
        Assert.Equal(HttpStatusCode.Redirect, disabledAgain.StatusCode);

        await using var check = App.NewDbContext();
        var user = await check.Users.AsNoTracking().SingleAsync(u => u.Email == "new.delegate@test.cadre.example", Ct);
        Assert.True(user.IsDisabled);
        Assert.Null(user.MemberId);
        var entries = await check.AuditEntries.AsNoTracking().Where(a => a.EntityType == "UserRole" || a.EntityType == nameof(CadreUser)).ToListAsync(Ct);
        Assert.Contains(entries, a => a.EntityType == "UserRole" && a.Action == AuditActions.Create);
        Assert.Contains(entries, a => a.EntityType == "UserRole" && a.Action == AuditActions.Delete);
        Assert.Contains(entries, a => a.EntityType == nameof(CadreUser) && a.ChangesJson.Contains("IsDisabled", StringComparison.Ordinal));
        Assert.All(entries.Where(a => a.UserId != null), a => Assert.NotEqual("anonymous", a.Actor));
    }
}

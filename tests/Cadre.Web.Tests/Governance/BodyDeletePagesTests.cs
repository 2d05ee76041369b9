using System.Globalization;
using System.Net;
using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Cadre.Web.Tests.Identity;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Governance;

/// <summary>
/// The pages that delete a body and remove an officer, through HTTP as a browser posts them: a confirmation page that
/// says what goes (or why the body cannot be deleted), the rights of the API's handlers, and nothing changed on refusal.
/// </summary>
public sealed class BodyDeletePagesTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Refused(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden) return;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/Account/AccessDenied", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>A working group under <paramref name="parentId"/> that nothing refers to, with an officer, a listed Member and a work-programme entry.</summary>
    private async Task<Body> UnusedGroupAsync(int parentId)
    {
        await using var db = App.NewDbContext();
        var code = "DEL" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var listed = await db.Members.FirstAsync(m => m.Code == "LST", Ct);
        var body = new Body
        {
            Code = code, Kind = BodyKind.AdvisoryGroupWorkingGroup, ParentId = parentId, Name = new LocalizedText("Short-lived group", "Groupe éphémère"),
            Membership = MembershipRule.ListedMembers,
        };
        body.Officers.Add(new BodyOfficer { Name = "Brief Chair", Role = OfficerRole.Chair, TermFrom = new DateOnly(2030, 1, 1) });
        body.Members.Add(new BodyMember { MemberId = listed.Id });
        db.Bodies.Add(body);
        db.WorkItems.Add(new WorkItem { Body = body, Kind = WorkItemKind.Milestone, DueOn = new DateOnly(2030, 9, 1), Title = new LocalizedText("Final report") });
        await db.SaveChangesAsync(Ct);
        return body;
    }

    private async Task<bool> BodyExistsAsync(int id)
    {
        await using var db = App.NewDbContext();
        return await db.Bodies.AnyAsync(b => b.Id == id, Ct);
    }

    [Fact]
    public async Task A_body_nothing_refers_to_is_deleted_with_its_officers_members_and_work_programme_after_the_confirmation_page()
    {
        var ids = await BodiesTestData.CreateAsync(App);
        var body = await UnusedGroupAsync(ids.ParentId);
        var planner = await App.SignedInClientAsync(await App.CreateUserWithPasswordAsync(Roles.Planner));
        var url = $"/Governance/Bodies/{body.Code}/Delete";

        // The body's page offers the action to the secretariat; the confirmation page says what goes with the body.
        Assert.Contains($"href=\"{url}\"", await planner.GetStringAsync($"/Governance/Bodies/{body.Code}", Ct), StringComparison.Ordinal);
        var page = await planner.GetStringAsync(url, Ct);
        Assert.Contains("1 officer(s), past and present", page, StringComparison.Ordinal);
        Assert.Contains("1 Member(s) on its list", page, StringComparison.Ordinal);
        Assert.Contains("1 entry(ies) of its work programme", page, StringComparison.Ordinal);
        Assert.True(await BodyExistsAsync(body.Id));

        // A Chair who does not chair the parent body may neither see the page nor delete.
        var chair = await App.SignedInClientAsync(await App.CreateUserWithPasswordAsync(Roles.Chair));
        Refused(await chair.GetAsync(url, Ct));
        Assert.DoesNotContain($"href=\"{url}\"", await chair.GetStringAsync($"/Governance/Bodies/{body.Code}", Ct), StringComparison.Ordinal);
        var token = await IdentityTestSupport.FormTokenAsync(chair, "/Account/Manage");
        Refused(await chair.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["version"] = Invariant(body.Version) }), Ct));
        Assert.True(await BodyExistsAsync(body.Id));

        // A stale version is refused and deletes nothing; the current one deletes the body and what goes with it.
        var stale = await IdentityTestSupport.PostFormAsync(planner, url, url, new() { ["version"] = Invariant(body.Version + 5) });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("error-summary-title", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(await BodyExistsAsync(body.Id));
        var done = await IdentityTestSupport.PostFormAsync(planner, url, url, new() { ["version"] = Invariant(body.Version) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/Governance/Bodies/{ids.ParentCode}", done.Headers.Location!.OriginalString);
        Assert.False(await BodyExistsAsync(body.Id));
        await using var db = App.NewDbContext();
        Assert.False(await db.BodyOfficers.AnyAsync(o => o.BodyId == body.Id, Ct));
        Assert.False(await db.BodyMembers.AnyAsync(m => m.BodyId == body.Id, Ct));
        Assert.False(await db.WorkItems.AnyAsync(w => w.BodyId == body.Id, Ct));
    }

    [Fact]
    public async Task A_body_that_records_refer_to_is_not_deleted_and_its_page_says_what_refers_to_it()
    {
        var ids = await BodiesTestData.CreateAsync(App);
        var planner = await App.SignedInClientAsync(await App.CreateUserWithPasswordAsync(Roles.Planner));
        var url = $"/Governance/Bodies/{ids.GroupCode}/Delete";

        var page = await planner.GetStringAsync(url, Ct);
        Assert.Contains("cannot be deleted while other records refer to it", page, StringComparison.Ordinal);
        Assert.Contains("1 meeting(s)", page, StringComparison.Ordinal);
        Assert.Contains("1 liaison statement(s) sent or received", page, StringComparison.Ordinal);
        Assert.Contains("1 recommendation(s) made or received", page, StringComparison.Ordinal);
        Assert.DoesNotContain("btn-danger", page, StringComparison.Ordinal);

        // A post anyway (an old page, or a hand-made request) is refused with the reason and deletes nothing.
        var version = (await App.NewDbContext().Bodies.AsNoTracking().SingleAsync(b => b.Id == ids.GroupId, Ct)).Version;
        var token = await IdentityTestSupport.FormTokenAsync(planner, $"/Governance/Bodies/{ids.GroupCode}/Officers");
        var refused = await planner.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["version"] = Invariant(version) }), Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("error-summary-title", html, StringComparison.Ordinal);
        Assert.True(await BodyExistsAsync(ids.GroupId));

        // In French too.
        planner.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        Assert.Contains("ne peut pas être supprimé", await planner.GetStringAsync(url, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_recorded_by_mistake_is_removed_by_the_body_s_chair_after_the_confirmation_page()
    {
        var user = await App.CreateUserWithPasswordAsync(Roles.Chair);
        var ids = await BodiesTestData.CreateAsync(App, user.Id);
        int viceId;
        int viceVersion;
        await using (var db = App.NewDbContext())
        {
            var vice = new BodyOfficer { BodyId = ids.GroupId, Name = "Mistaken Vice-Chair", Role = OfficerRole.ViceChair, TermFrom = new DateOnly(2030, 1, 1) };
            db.BodyOfficers.Add(vice);
            await db.SaveChangesAsync(Ct);
            (viceId, viceVersion) = (vice.Id, vice.Version);
        }
        var chair = await App.SignedInClientAsync(user);
        var url = $"/Governance/Bodies/{ids.GroupCode}/Officers/{viceId}/Remove";

        // Offered from the body's page and its officers page; the confirmation page names the officer.
        Assert.Contains($"href=\"{url}\"", await chair.GetStringAsync($"/Governance/Bodies/{ids.GroupCode}", Ct), StringComparison.Ordinal);
        Assert.Contains($"href=\"{url}\"", await chair.GetStringAsync($"/Governance/Bodies/{ids.GroupCode}/Officers", Ct), StringComparison.Ordinal);
        Assert.Contains("Remove Mistaken Vice-Chair from the officers of", await chair.GetStringAsync(url, Ct), StringComparison.Ordinal);

        // Another body's officer under this body's address is not found; a Chair of another body is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await chair.GetAsync($"/Governance/Bodies/{ids.GroupCode}/Officers/{ids.OtherOfficerId}/Remove", Ct)).StatusCode);
        var stranger = await App.SignedInClientAsync(await App.CreateUserWithPasswordAsync(Roles.Chair));
        Refused(await stranger.GetAsync(url, Ct));

        var done = await IdentityTestSupport.PostFormAsync(chair, url, url, new() { ["version"] = Invariant(viceVersion) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/Governance/Bodies/{ids.GroupCode}/Officers", done.Headers.Location!.OriginalString);
        await using (var db = App.NewDbContext())
        {
            Assert.False(await db.BodyOfficers.AnyAsync(o => o.Id == viceId, Ct));
            Assert.True(await db.BodyOfficers.AnyAsync(o => o.BodyId == ids.GroupId && o.Name == "Test Chair", Ct));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await chair.GetAsync(url, Ct)).StatusCode);
    }
}

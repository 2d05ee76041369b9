using System.Net;
using Cadre.Core.Demo;
using Cadre.Core.Identity;
using Cadre.Web.Tests.Identity;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Governance;

/// <summary>A meeting with a contribution cannot be deleted: a clear refusal from the page and the API (it used to be a 500), and nothing changes.</summary>
public sealed class MeetingDeleteTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Fact]
    public async Task A_meeting_with_a_contribution_is_refused_with_the_reason_and_stays()
    {
        await using (var db = App.NewDbContext()) await DemoData.LoadAsync(db, Ct);
        int meeting, version;
        await using (var db = App.NewDbContext())
        {
            var m = await db.Meetings.SingleAsync(x => x.StartUtc == new DateTime(2020, 10, 1, 11, 0, 0, DateTimeKind.Utc), Ct);
            Assert.True(await db.Contributions.AnyAsync(c => c.MeetingId == m.Id, Ct));
            (meeting, version) = (m.Id, m.Version);
        }

        var api = await App.ClientAsAsync(Roles.Planner);
        var problem = await Rest.ProblemAsync(await api.DeleteAsync($"/api/v1/meetings/{meeting}?version={version}", Ct), HttpStatusCode.BadRequest);
        Assert.Contains("1 contribution(s)", Assert.Single(problem.Errors["meeting"]), StringComparison.Ordinal);

        var planner = await App.SignedInClientAsync(await App.CreateUserWithPasswordAsync(Roles.Planner));
        var url = $"/Governance/Meetings/{meeting}/Delete";
        var page = await (await planner.GetAsync(url, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("This meeting cannot be deleted: 1 contribution(s)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Delete the meeting</button>", page, StringComparison.Ordinal);

        // A post from a page opened before the contribution came is answered with the reason, not a server error.
        using var post = await IdentityTestSupport.PostFormAsync(planner, url, url, new() { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("This meeting cannot be deleted", await post.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using (var db = App.NewDbContext()) Assert.True(await db.Meetings.AnyAsync(m => m.Id == meeting, Ct));
    }
}

using System.Net;
using Cadre.Core.Demo;
using Cadre.Core.Identity;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Pages.Finance;

/// <summary>
/// The adopted plan's Finance pages seen by those who read only what is published (anonymous callers, Delegates): no
/// draft operational plan and no link to the internal risk register (which answers them 404).
/// </summary>
public sealed class FinancePublicPagesTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Fact]
    public async Task Public_readers_see_no_draft_operational_plan_and_no_link_to_the_risk_register()
    {
        await using (var db = App.NewDbContext()) await DemoData.LoadAsync(db, Ct);
        int plan;
        List<string> drafts;
        await using (var db = App.NewDbContext())
        {
            plan = await db.Plans.Where(p => p.Code == DemoData.StrategicPlanCode).Select(p => p.Id).SingleAsync(Ct);
            drafts = await db.Plans.Where(p => p.Kind == Core.Planning.PlanKind.Operational && p.Status == Core.Planning.PlanStatus.Draft)
                .Select(p => p.Code).ToListAsync(Ct);
        }
        Assert.NotEmpty(drafts);
        var planner = await App.ClientAsAsync(Roles.Planner);
        var seenByPlanner = await (await planner.GetAsync($"/Finance/Plans/{plan}/Coherence", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains(drafts[0], seenByPlanner, StringComparison.Ordinal);
        Assert.Contains($"/Finance/Plans/{plan}/Risks\"", seenByPlanner, StringComparison.Ordinal);

        foreach (var client in new[] { App.AnonymousClient(), await App.ClientAsAsync(Roles.Delegate, "MEX") })
        {
            foreach (var url in new[] { "/Finance", $"/Finance/Plans/{plan}", $"/Finance/Plans/{plan}/Coherence", $"/Finance/Plans/{plan}/Attribution" })
            {
                using var response = await client.GetAsync(url, Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var html = await response.Content.ReadAsStringAsync(Ct);
                Assert.DoesNotContain($"/Finance/Plans/{plan}/Risks\"", html, StringComparison.Ordinal);
                Assert.All(drafts, code => Assert.DoesNotContain(code, html, StringComparison.Ordinal));
            }
            var coherence = await (await client.GetAsync($"/Finance/Plans/{plan}/Coherence", Ct)).Content.ReadAsStringAsync(Ct);
            Assert.Contains("No adopted operational plan covers this period", coherence, StringComparison.Ordinal);
            // The register itself stays closed to them (anonymous callers are sent to sign in, Delegates get 404).
            Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/Finance/Plans/{plan}/Risks", Ct)).StatusCode);
        }
    }
}

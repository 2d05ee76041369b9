using System.Net;
using System.Net.Http.Json;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Cadre.Web.Api.Planning;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Api.Planning;

/// <summary>An adopted plan's element linked to and from a draft plan: only those who read drafts see those links.</summary>
public sealed class DraftLinksApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Fact]
    public async Task Links_to_and_from_a_draft_plan_are_hidden_from_those_who_cannot_read_drafts()
    {
        var planner = await App.PlannerAsync();
        var published = await App.CreatePlanAsync("PUB-LINKS");
        var goal = await App.CreateElementAsync(published.Id, "goal", "1", title: "Published goal");
        var draft = await App.CreatePlanAsync("DRAFT-LINKS", framework: "operational");
        var output = await App.CreateElementAsync(draft.Id, "output", "O.9", title: "Secret draft output");
        await Rest.ReadAsync<CreatedLinkResponse>(await planner.PostAsJsonAsync($"/api/v1/elements/{output.Id}/links",
            new CreateLinkRequest(null, goal.Id), Rest.Json, Ct), HttpStatusCode.Created);
        await Rest.ReadAsync<CreatedLinkResponse>(await planner.PostAsJsonAsync($"/api/v1/elements/{goal.Id}/links",
            new CreateLinkRequest(null, output.Id), Rest.Json, Ct), HttpStatusCode.Created);
        var current = await Rest.ReadAsync<PlanResponse>(await planner.GetAsync($"/api/v1/plans/{published.Id}", Ct));
        await Rest.ReadAsync<PlanResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{published.Id}/status",
            new ChangePlanStatusRequest(current.Version, PlanStatus.Adopted, "Resolution 99"), Rest.Json, Ct));

        var seenByPlanner = await Rest.ReadAsync<ElementResponse>(await planner.GetAsync($"/api/v1/elements/{goal.Id}", Ct));
        Assert.Equal(2, seenByPlanner.Links.Count(l => l.TargetElementId == output.Id));

        foreach (var client in new[] { App.AnonymousClient(), await App.ClientAsAsync(Roles.Delegate, "MEX") })
        {
            var seen = await Rest.ReadAsync<ElementResponse>(await client.GetAsync($"/api/v1/elements/{goal.Id}", Ct));
            Assert.Equal("Published goal", seen.Title["en"]);
            Assert.DoesNotContain(seen.Links, l => l.TargetElementId == output.Id);
            var page = await client.GetAsync($"/Planning/Elements/{goal.Id}", Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain("Secret draft output", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"/Planning/Elements/{output.Id}\"", html, StringComparison.Ordinal);
        }
    }
}

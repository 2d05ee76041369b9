using System.Net;
using System.Net.Http.Json;
using Cadre.Core.Planning;
using Cadre.Web.Api.Planning;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Results;

/// <summary>The Results pages over HTTP: who may read the dashboards, and what they show.</summary>
public sealed class PagesTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Fact]
    public async Task The_dashboards_of_an_adopted_plan_are_readable_without_an_account_and_a_draft_plan_is_not_found()
    {
        var planner = await App.PlannerAsync();
        var adopted = await App.CreatePlanAsync("PAGES-ADOPTED");
        var goal = await App.CreateElementAsync(adopted.Id, "goal", "1");
        var draft = await App.CreatePlanAsync("PAGES-DRAFT");
        using (var status = await planner.PostAsJsonAsync($"/api/v1/plans/{adopted.Id}/status",
            new ChangePlanStatusRequest(adopted.Version, PlanStatus.Adopted, "Council"), Rest.Json, Ct))
        {
            Assert.True(status.IsSuccessStatusCode, $"adopting the plan answered {(int)status.StatusCode}");
        }
        var anonymous = App.AnonymousClient();

        foreach (var url in new[] { $"/Results/Plans/{adopted.Id}/Dashboard?asOf=2025", $"/Results/Elements/{goal.Id}/Dashboard", $"/Results/Plans/{adopted.Id}/Indicators" })
        {
            using var response = await anonymous.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("PAGES-ADOPTED", html, StringComparison.Ordinal);
        }
        using (var dashboard = await anonymous.GetAsync($"/Results/Plans/{adopted.Id}/Dashboard?asOf=2025", Ct))
        {
            var html = await dashboard.Content.ReadAsStringAsync(Ct);
            // The thresholds and the formula are on the page, and an element without data says so rather than 0%.
            Assert.Contains("on track from 90%", html, StringComparison.Ordinal);
            Assert.Contains("id=\"plan-formula\"", html, StringComparison.Ordinal);
            Assert.Contains("No data", html, StringComparison.Ordinal);
        }
        using var hidden = await anonymous.GetAsync($"/Results/Plans/{draft.Id}/Dashboard", Ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cadre.Web.Api.Planning;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Api.Planning;

public sealed class TransferApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Fact]
    public async Task Export_then_import_under_a_new_code_round_trips_exactly()
    {
        var planner = await App.PlannerAsync();
        var vocabulary = await App.CreateVocabularyAsync("wsis-rt", "C1", "C2");
        var other = await App.CreatePlanAsync("OTHER-RT", framework: "operational");
        var output = await App.CreateElementAsync(other.Id, "output", "O.1");

        var plan = await App.CreatePlanAsync("RT-SOURCE");
        var goal = await App.CreateElementAsync(plan.Id, "goal", "1", title: "Connectivité « universelle » & durable");
        var target = await App.CreateElementAsync(plan.Id, "target", "1.1", goal.Id);
        await App.CreateElementAsync(plan.Id, "target", "1.2", goal.Id);
        var priority = await App.CreateElementAsync(plan.Id, "priority", "P");
        await App.CreateElementAsync(plan.Id, "outcome", "P.1", priority.Id);
        await Rest.ReadAsync<CreatedLinkResponse>(await planner.PostAsJsonAsync($"/api/v1/elements/{target.Id}/links",
            new CreateLinkRequest(vocabulary.Entries[1].Id, null, "main"), Rest.Json, Ct), HttpStatusCode.Created);
        await Rest.ReadAsync<CreatedLinkResponse>(await planner.PostAsJsonAsync($"/api/v1/elements/{goal.Id}/links",
            new CreateLinkRequest(null, output.Id), Rest.Json, Ct), HttpStatusCode.Created);

        var exported = await (await planner.GetAsync($"/api/v1/plans/{plan.Id}/export", Ct)).Content.ReadAsStringAsync(Ct);
        var imported = await Rest.ReadAsync<PlanResponse>(await planner.PostAsync("/api/v1/plans/import?code=RT-COPY", Rest.RawJson(exported), Ct), HttpStatusCode.Created);
        Assert.Equal("RT-COPY", imported.Code);
        var reexported = await (await planner.GetAsync($"/api/v1/plans/{imported.Id}/export", Ct)).Content.ReadAsStringAsync(Ct);

        var expected = JsonNode.Parse(exported)!;
        expected["plan"]!["code"] = "RT-COPY";
        Assert.Equal(expected.ToJsonString(), JsonNode.Parse(reexported)!.ToJsonString());
        Assert.Equal(exported.Replace("\"RT-SOURCE\"", "\"RT-COPY\"", StringComparison.Ordinal), reexported);
    }

    [Fact]
    public async Task Importing_a_plan_whose_code_exists_is_refused()
    {
        var planner = await App.PlannerAsync();
        var plan = await App.CreatePlanAsync("RT-DUP");
        var exported = await (await planner.GetAsync($"/api/v1/plans/{plan.Id}/export", Ct)).Content.ReadAsStringAsync(Ct);
        var problem = await Rest.ProblemAsync(await planner.PostAsync("/api/v1/plans/import", Rest.RawJson(exported), Ct), HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.ContainsKey("plan.code"));
    }
}

using System.Net;
using System.Net.Http.Json;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Cadre.Web.Api.Planning;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Api.Planning;

public sealed class PlansApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Fact]
    public async Task A_planner_creates_reads_updates_and_deletes_a_draft_plan()
    {
        var planner = await App.PlannerAsync();
        var created = await Rest.ReadAsync<PlanResponse>(await planner.PostAsJsonAsync("/api/v1/plans",
            new CreatePlanRequest(PlanKind.Strategic, "SP-CRUD", new() { ["en"] = "Strategic plan", ["fr"] = "Plan stratégique" },
                new() { ["en"] = "For the tests" }, 2028, 2031), Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal("SP-CRUD", created.Code);
        Assert.Equal(PlanStatus.Draft, created.Status);
        Assert.Equal("Plan stratégique", created.Title["fr"]);
        Assert.Equal(["goal", "target", "priority", "enabler", "outcome", "output"], created.Levels.Select(l => l.Code));

        var byId = await Rest.ReadAsync<PlanResponse>(await planner.GetAsync($"/api/v1/plans/{created.Id}", Ct));
        Assert.Equal(created.Version, byId.Version);
        var byCode = await Rest.ReadAsync<PlanResponse>(await planner.GetAsync("/api/v1/plans/by-code/SP-CRUD", Ct));
        Assert.Equal(created.Id, byCode.Id);

        var updated = await Rest.ReadAsync<PlanResponse>(await planner.PutAsJsonAsync($"/api/v1/plans/{created.Id}",
            new UpdatePlanRequest(created.Version, Title: new() { ["en"] = "Strategic plan 2028-2031" }, EndYear: 2032), Rest.Json, Ct));
        Assert.Equal("Strategic plan 2028-2031", updated.Title["en"]);
        Assert.Equal("Plan stratégique", updated.Title["fr"]);
        Assert.Equal(2032, updated.EndYear);
        Assert.True(updated.Version > created.Version);

        var list = await Rest.ReadAsync<PlanPageResponse>(await planner.GetAsync("/api/v1/plans?search=crud&sort=code&page=1&pageSize=10", Ct));
        Assert.Contains(list.Items, p => p.Id == created.Id);

        await Rest.ExpectStatusAsync(await planner.DeleteAsync($"/api/v1/plans/{created.Id}?version={updated.Version}", Ct), HttpStatusCode.NoContent);
        await Rest.ProblemAsync(await planner.GetAsync($"/api/v1/plans/{created.Id}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Listing_pages_and_sorts_plans()
    {
        for (var i = 0; i < 3; i++) await App.CreatePlanAsync($"LIST-{i}", startYear: 2000 + i, endYear: 2003 + i);
        var planner = await App.PlannerAsync();
        var page = await Rest.ReadAsync<PlanPageResponse>(await planner.GetAsync("/api/v1/plans?search=LIST-&sort=code&descending=true&pageSize=2", Ct));
        Assert.Equal(3, page.Total);
        Assert.Equal(2, page.PageCount);
        Assert.Equal(["LIST-2", "LIST-1"], page.Items.Select(p => p.Code));
        var second = await Rest.ReadAsync<PlanPageResponse>(await planner.GetAsync("/api/v1/plans?search=LIST-&sort=code&descending=true&pageSize=2&page=2", Ct));
        Assert.Equal(["LIST-0"], second.Items.Select(p => p.Code));
    }

    [Fact]
    public async Task Adopting_a_plan_records_the_instrument_and_publishes_it()
    {
        var plan = await App.CreatePlanAsync();
        var planner = await App.PlannerAsync();
        var anonymous = App.AnonymousClient();
        await Rest.ProblemAsync(await anonymous.GetAsync($"/api/v1/plans/{plan.Id}", Ct), HttpStatusCode.NotFound);

        var missing = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/status",
            new ChangePlanStatusRequest(plan.Version, PlanStatus.Adopted), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(missing.Errors.ContainsKey("adoptedBy"));

        var adopted = await Rest.ReadAsync<PlanResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/status",
            new ChangePlanStatusRequest(plan.Version, PlanStatus.Adopted, "Resolution 71 (Rev. Bucharest, 2022)"), Rest.Json, Ct));
        Assert.Equal(PlanStatus.Adopted, adopted.Status);
        Assert.Equal("Resolution 71 (Rev. Bucharest, 2022)", adopted.AdoptedBy);
        Assert.NotNull(adopted.AdoptedAtUtc);

        var seen = await Rest.ReadAsync<PlanResponse>(await anonymous.GetAsync($"/api/v1/plans/{plan.Id}", Ct));
        Assert.Equal(PlanStatus.Adopted, seen.Status);

        // An adopted plan is not deleted.
        var refused = await Rest.ProblemAsync(await planner.DeleteAsync($"/api/v1/plans/{plan.Id}?version={adopted.Version}", Ct), HttpStatusCode.BadRequest);
        Assert.True(refused.Errors.ContainsKey("status"));
    }

    [Fact]
    public async Task Cloning_a_plan_copies_its_tree_into_a_new_draft()
    {
        var plan = await App.CreatePlanAsync();
        var goal = await App.CreateElementAsync(plan.Id, "goal", "1");
        await App.CreateElementAsync(plan.Id, "target", "1.1", goal.Id);
        var planner = await App.PlannerAsync();
        var clone = await Rest.ReadAsync<PlanResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/clone",
            new ClonePlanRequest(plan.Code + "-NEXT", 2028, 2031), Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal(PlanStatus.Draft, clone.Status);
        Assert.Equal(plan.Id, clone.PreviousPlanId);
        var tree = await Rest.ReadAsync<List<TreeRowResponse>>(await planner.GetAsync($"/api/v1/plans/{clone.Id}/elements", Ct));
        Assert.Equal([("1", 0), ("1.1", 1)], tree.Select(r => (r.Code, r.Depth)));
    }

    [Fact]
    public async Task Levels_are_added_changed_and_deleted_under_a_plan()
    {
        var plan = await App.CreatePlanAsync(framework: "empty");
        var planner = await App.PlannerAsync();
        var pillar = await Rest.ReadAsync<LevelResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/levels",
            new SaveLevelRequest(null, "pillar", new() { ["en"] = "Pillar", ["fr"] = "Pilier" }, true), Rest.Json, Ct), HttpStatusCode.Created);
        var action = await Rest.ReadAsync<LevelResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/levels",
            new SaveLevelRequest(null, "action", new() { ["en"] = "Action" }, false, ["pillar"]), Rest.Json, Ct), HttpStatusCode.Created);
        var renamed = await Rest.ReadAsync<LevelResponse>(await planner.PutAsJsonAsync($"/api/v1/plans/{plan.Id}/levels/{action.Id}",
            new SaveLevelRequest(action.Version, "action", new() { ["en"] = "Action line" }, false, ["pillar"]), Rest.Json, Ct));
        Assert.Equal("Action line", renamed.Name["en"]);
        var levels = await Rest.ReadAsync<List<LevelResponse>>(await planner.GetAsync($"/api/v1/plans/{plan.Id}/levels", Ct));
        Assert.Equal(["pillar", "action"], levels.Select(l => l.Code));

        var duplicate = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/levels",
            new SaveLevelRequest(null, "pillar", new() { ["en"] = "Again" }, true), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(duplicate.Errors.ContainsKey("code"));

        await Rest.ExpectStatusAsync(await planner.DeleteAsync($"/api/v1/plans/{plan.Id}/levels/{action.Id}", Ct), HttpStatusCode.NoContent);
        levels = await Rest.ReadAsync<List<LevelResponse>>(await planner.GetAsync($"/api/v1/plans/{plan.Id}/levels", Ct));
        Assert.Equal([pillar.Id], levels.Select(l => l.Id));
    }

    [Fact]
    public async Task A_duplicate_plan_code_is_refused_and_nothing_is_stored()
    {
        var plan = await App.CreatePlanAsync();
        var planner = await App.PlannerAsync();
        var problem = await Rest.ProblemAsync(await planner.PostAsJsonAsync("/api/v1/plans",
            new CreatePlanRequest(PlanKind.Operational, plan.Code, new() { ["en"] = "Other" }, null, 2024, 2027), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains(plan.Code, Assert.Single(problem.Errors["code"]), StringComparison.Ordinal);
        await using var db = App.NewDbContext();
        Assert.Equal(1, await db.Plans.CountAsync(p => p.Code == plan.Code, Ct));
    }

    [Fact]
    public async Task Anonymous_readers_see_published_plans_only()
    {
        var draft = await App.CreatePlanAsync();
        var anonymous = App.AnonymousClient();
        await Rest.ProblemAsync(await anonymous.GetAsync($"/api/v1/plans/{draft.Id}", Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await anonymous.GetAsync($"/api/v1/plans/by-code/{draft.Code}", Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await anonymous.GetAsync($"/api/v1/plans/{draft.Id}/elements", Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await anonymous.GetAsync($"/api/v1/plans/{draft.Id}/export", Ct), HttpStatusCode.NotFound);
        var list = await Rest.ReadAsync<PlanPageResponse>(await anonymous.GetAsync("/api/v1/plans?pageSize=200", Ct));
        Assert.DoesNotContain(list.Items, p => p.Id == draft.Id);

        // A Delegate does not read drafts either; a Councillor does.
        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "FRA");
        await Rest.ProblemAsync(await delegateClient.GetAsync($"/api/v1/plans/{draft.Id}", Ct), HttpStatusCode.NotFound);
        var councillor = await App.ClientAsAsync(Roles.Councillor);
        await Rest.ReadAsync<PlanResponse>(await councillor.GetAsync($"/api/v1/plans/{draft.Id}", Ct));
    }
}

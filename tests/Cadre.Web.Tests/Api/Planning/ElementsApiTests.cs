using System.Net;
using System.Net.Http.Json;
using Cadre.Core.Common;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Cadre.Web.Api.Planning;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Api.Planning;

public sealed class ElementsApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private async Task<(PlanResponse Plan, ElementResponse Goal, ElementResponse Target, ElementResponse Priority)> SmallTreeAsync()
    {
        var plan = await App.CreatePlanAsync();
        var goal = await App.CreateElementAsync(plan.Id, "goal", "1", title: "Universal connectivity");
        var target = await App.CreateElementAsync(plan.Id, "target", "1.1", goal.Id);
        var priority = await App.CreateElementAsync(plan.Id, "priority", "P1");
        return (plan, goal, target, priority);
    }

    private async Task<string> TreeSnapshotAsync(int planId)
    {
        await using var db = App.NewDbContext();
        var rows = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == planId).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.ParentId, e.Code, e.SortOrder, e.Version, e.Title.En }).ToListAsync(Ct);
        return string.Join("; ", rows.Select(r => $"{r.Id}:{r.ParentId}:{r.Code}:{r.SortOrder}:{r.Version}:{r.En}"));
    }

    [Fact]
    public async Task Elements_are_created_updated_moved_and_deleted_with_their_subtree()
    {
        var (plan, goal, target, _) = await SmallTreeAsync();
        var planner = await App.PlannerAsync();
        var secondGoal = await App.CreateElementAsync(plan.Id, "goal", "2");

        var read = await Rest.ReadAsync<ElementResponse>(await planner.GetAsync($"/api/v1/elements/{goal.Id}", Ct));
        Assert.Equal("Universal connectivity", read.Title["en"]);
        Assert.Equal([target.Id], read.Children.Select(c => c.Id));

        var updated = await Rest.ReadAsync<ElementResponse>(await planner.PutAsJsonAsync($"/api/v1/elements/{goal.Id}",
            new UpdateElementRequest(read.Version, Title: new() { ["fr"] = "Connectivité universelle" }, Weight: 2m), Rest.Json, Ct));
        Assert.Equal("Universal connectivity", updated.Title["en"]);
        Assert.Equal("Connectivité universelle", updated.Title["fr"]);
        Assert.Equal(2m, updated.Weight);

        var moved = await Rest.ReadAsync<ElementResponse>(await planner.PostAsJsonAsync($"/api/v1/elements/{target.Id}/move",
            new MoveElementRequest(target.Version, secondGoal.Id), Rest.Json, Ct));
        Assert.Equal(secondGoal.Id, moved.ParentId);

        // Reorder the goals: 2 before 1.
        var g2 = await Rest.ReadAsync<ElementResponse>(await planner.GetAsync($"/api/v1/elements/{secondGoal.Id}", Ct));
        await Rest.ReadAsync<ElementResponse>(await planner.PostAsJsonAsync($"/api/v1/elements/{secondGoal.Id}/move",
            new MoveElementRequest(g2.Version, null, 0), Rest.Json, Ct));
        var tree = await Rest.ReadAsync<List<TreeRowResponse>>(await planner.GetAsync($"/api/v1/plans/{plan.Id}/elements", Ct));
        Assert.Equal(["2", "1.1", "1", "P1"], tree.Select(r => r.Code));

        g2 = await Rest.ReadAsync<ElementResponse>(await planner.GetAsync($"/api/v1/elements/{secondGoal.Id}", Ct));
        var deleted = await Rest.ReadAsync<DeletedElementsResponse>(await planner.DeleteAsync($"/api/v1/elements/{secondGoal.Id}?version={g2.Version}", Ct));
        Assert.Equal(2, deleted.DeletedElements);
        await Rest.ProblemAsync(await planner.GetAsync($"/api/v1/elements/{target.Id}", Ct), HttpStatusCode.NotFound);
        tree = await Rest.ReadAsync<List<TreeRowResponse>>(await planner.GetAsync($"/api/v1/plans/{plan.Id}/elements", Ct));
        Assert.Equal(["1", "P1"], tree.Select(r => r.Code));
    }

    [Fact]
    public async Task Moving_an_element_under_its_own_descendant_is_refused_and_nothing_changes()
    {
        var (plan, goal, target, _) = await SmallTreeAsync();
        var planner = await App.PlannerAsync();
        var before = await TreeSnapshotAsync(plan.Id);

        var problem = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/elements/{goal.Id}/move",
            new MoveElementRequest(goal.Version, target.Id), Rest.Json, Ct), HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.Errors["newParentId"]);
        Assert.Contains("1.1", message, StringComparison.Ordinal);
        Assert.Equal(before, await TreeSnapshotAsync(plan.Id));

        var self = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/elements/{goal.Id}/move",
            new MoveElementRequest(goal.Version, goal.Id), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(self.Errors.ContainsKey("newParentId"));
        Assert.Equal(before, await TreeSnapshotAsync(plan.Id));
    }

    [Fact]
    public async Task A_level_not_allowed_under_its_parent_is_refused()
    {
        var (plan, goal, target, priority) = await SmallTreeAsync();
        var planner = await App.PlannerAsync();
        var before = await TreeSnapshotAsync(plan.Id);

        // An outcome sits under a thematic priority or an enabler, never under a strategic goal.
        var create = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/elements",
            new CreateElementRequest(goal.Id, "outcome", "1.O", new() { ["en"] = "Misplaced" }), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("outcome", Assert.Single(create.Errors["level"]), StringComparison.Ordinal);

        // A target may not sit at the root, nor move under a priority.
        var root = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/elements",
            new CreateElementRequest(null, "target", "T9", new() { ["en"] = "Orphan" }), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(root.Errors.ContainsKey("level"));
        var move = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/elements/{target.Id}/move",
            new MoveElementRequest(target.Version, priority.Id), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(move.Errors.ContainsKey("newParentId"));
        Assert.Equal(before, await TreeSnapshotAsync(plan.Id));
    }

    [Fact]
    public async Task A_duplicate_element_code_is_refused()
    {
        var (plan, goal, _, priority) = await SmallTreeAsync();
        var planner = await App.PlannerAsync();
        var create = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/elements",
            new CreateElementRequest(goal.Id, "target", "1.1", new() { ["en"] = "Same code" }), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("1.1", Assert.Single(create.Errors["code"]), StringComparison.Ordinal);
        var rename = await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/elements/{priority.Id}",
            new UpdateElementRequest(priority.Version, Code: "1"), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(rename.Errors.ContainsKey("code"));
        await using var db = App.NewDbContext();
        Assert.Equal(3, await db.PlanElements.CountAsync(e => e.PlanId == plan.Id, Ct));
    }

    [Fact]
    public async Task Unknown_ids_and_codes_answer_404()
    {
        var planner = await App.PlannerAsync();
        await Rest.ProblemAsync(await planner.GetAsync("/api/v1/plans/987654", Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await planner.GetAsync("/api/v1/plans/by-code/NO-SUCH-PLAN", Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await planner.GetAsync("/api/v1/elements/987654", Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await planner.GetAsync("/api/v1/vocabularies/no-such", Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await planner.PutAsJsonAsync("/api/v1/elements/987654", new UpdateElementRequest(1, Code: "X"), Rest.Json, Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await planner.PostAsJsonAsync("/api/v1/elements/987654/move", new MoveElementRequest(1, null), Rest.Json, Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await planner.DeleteAsync("/api/v1/elements/987654?version=1", Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await planner.DeleteAsync("/api/v1/links/987654", Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await planner.PostAsJsonAsync("/api/v1/plans/987654/elements",
            new CreateElementRequest(null, "goal", "1", new() { ["en"] = "x" }), Rest.Json, Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await planner.GetAsync("/api/v1/no/such/route", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stale_version_gets_409_and_the_newer_change_stays()
    {
        var (_, goal, _, _) = await SmallTreeAsync();
        var planner = await App.PlannerAsync();
        var first = await Rest.ReadAsync<ElementResponse>(await planner.PutAsJsonAsync($"/api/v1/elements/{goal.Id}",
            new UpdateElementRequest(goal.Version, Title: new() { ["en"] = "First writer" }), Rest.Json, Ct));
        var problem = await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/elements/{goal.Id}",
            new UpdateElementRequest(goal.Version, Title: new() { ["en"] = "Second writer" }), Rest.Json, Ct), HttpStatusCode.Conflict);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/elements/{goal.Id}/move",
            new MoveElementRequest(goal.Version, null, 5), Rest.Json, Ct), HttpStatusCode.Conflict);
        await Rest.ProblemAsync(await planner.DeleteAsync($"/api/v1/elements/{goal.Id}?version={goal.Version}", Ct), HttpStatusCode.Conflict);
        var now = await Rest.ReadAsync<ElementResponse>(await planner.GetAsync($"/api/v1/elements/{goal.Id}", Ct));
        Assert.Equal("First writer", now.Title["en"]);
        Assert.Equal(first.Version, now.Version);

        var noVersion = await Rest.ProblemAsync(await planner.PutAsync($"/api/v1/elements/{goal.Id}", Rest.RawJson("""{"code":"9"}"""), Ct), HttpStatusCode.BadRequest);
        Assert.True(noVersion.Errors.ContainsKey("version"));
    }

    [Fact]
    public async Task Two_writers_racing_on_the_database_get_a_conflict_on_this_provider()
    {
        var (_, goal, _, _) = await SmallTreeAsync();
        await using var a = App.NewDbContext();
        await using var b = App.NewDbContext();
        var seenByA = await a.PlanElements.SingleAsync(e => e.Id == goal.Id, Ct);
        var seenByB = await b.PlanElements.SingleAsync(e => e.Id == goal.Id, Ct);
        seenByB.Title = new LocalizedText("B wins");
        await b.SaveChangesAsync(Ct);
        seenByA.Title = new LocalizedText("A loses");
        // EF Core reports the failed optimistic update before Cadre turns it into a conflict.
        ExpectLog("Microsoft.EntityFrameworkCore.Update");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => a.SaveChangesAsync(Ct));
        await using var check = App.NewDbContext();
        Assert.Equal("B wins", (await check.PlanElements.SingleAsync(e => e.Id == goal.Id, Ct)).Title.En);
    }

    [Fact]
    public async Task A_delegate_writing_gets_403_and_nothing_is_stored()
    {
        var (plan, goal, target, _) = await SmallTreeAsync();
        var before = await TreeSnapshotAsync(plan.Id);
        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "KEN");
        await Rest.ProblemAsync(await delegateClient.PostAsJsonAsync("/api/v1/plans",
            new CreatePlanRequest(PlanKind.Strategic, "BY-DELEGATE", new() { ["en"] = "Not mine" }, null, 2024, 2027), Rest.Json, Ct), HttpStatusCode.Forbidden);
        await Rest.ProblemAsync(await delegateClient.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/elements",
            new CreateElementRequest(null, "goal", "9", new() { ["en"] = "Not mine" }), Rest.Json, Ct), HttpStatusCode.Forbidden);
        await Rest.ProblemAsync(await delegateClient.PutAsJsonAsync($"/api/v1/elements/{goal.Id}",
            new UpdateElementRequest(goal.Version, Title: new() { ["en"] = "Changed by a delegate" }), Rest.Json, Ct), HttpStatusCode.Forbidden);
        await Rest.ProblemAsync(await delegateClient.PostAsJsonAsync($"/api/v1/elements/{target.Id}/move",
            new MoveElementRequest(target.Version, null), Rest.Json, Ct), HttpStatusCode.Forbidden);
        await Rest.ProblemAsync(await delegateClient.DeleteAsync($"/api/v1/elements/{goal.Id}?version={goal.Version}", Ct), HttpStatusCode.Forbidden);
        await Rest.ProblemAsync(await delegateClient.DeleteAsync($"/api/v1/plans/{plan.Id}?version={plan.Version}", Ct), HttpStatusCode.Forbidden);

        Assert.Equal(before, await TreeSnapshotAsync(plan.Id));
        await using var db = App.NewDbContext();
        Assert.False(await db.Plans.AnyAsync(p => p.Code == "BY-DELEGATE", Ct));
    }

    [Fact]
    public async Task Anonymous_writes_get_401()
    {
        var (plan, goal, _, _) = await SmallTreeAsync();
        var before = await TreeSnapshotAsync(plan.Id);
        var anonymous = App.AnonymousClient();
        var problem = await Rest.ProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/plans",
            new CreatePlanRequest(PlanKind.Strategic, "ANON", new() { ["en"] = "x" }, null, 2024, 2027), Rest.Json, Ct), HttpStatusCode.Unauthorized);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        await Rest.ProblemAsync(await anonymous.PutAsJsonAsync($"/api/v1/elements/{goal.Id}",
            new UpdateElementRequest(goal.Version, Code: "X"), Rest.Json, Ct), HttpStatusCode.Unauthorized);
        await Rest.ProblemAsync(await anonymous.DeleteAsync($"/api/v1/elements/{goal.Id}?version={goal.Version}", Ct), HttpStatusCode.Unauthorized);

        // A revoked or made-up token is no better than none.
        var forged = App.AnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "cadre_pat_not-a-real-token");
        await Rest.ProblemAsync(await forged.DeleteAsync($"/api/v1/elements/{goal.Id}?version={goal.Version}", Ct), HttpStatusCode.Unauthorized);
        Assert.Equal(before, await TreeSnapshotAsync(plan.Id));
    }
}

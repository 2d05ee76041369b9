using System.Net;
using System.Net.Http.Json;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Cadre.Web.Api.Planning;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Api.Planning;

public sealed class TraceabilityAndHistoryApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Fact]
    public async Task Traceability_shows_the_links_and_the_gaps_on_both_sides()
    {
        var planner = await App.PlannerAsync();
        var wsis = await App.CreateVocabularyAsync("wsis", "C1", "C2", "C3");
        var plan = await App.CreatePlanAsync();
        var goal = await App.CreateElementAsync(plan.Id, "goal", "1");
        var target = await App.CreateElementAsync(plan.Id, "target", "1.1", goal.Id);
        var c2 = wsis.Entries.Single(e => e.Code == "C2");
        var link = await Rest.ReadAsync<CreatedLinkResponse>(await planner.PostAsJsonAsync($"/api/v1/elements/{target.Id}/links",
            new CreateLinkRequest(c2.Id, null), Rest.Json, Ct), HttpStatusCode.Created);
        var duplicate = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/elements/{target.Id}/links",
            new CreateLinkRequest(c2.Id, null), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(duplicate.Errors.ContainsKey("target"));

        var matrix = await Rest.ReadAsync<TraceabilityResponse>(await planner.GetAsync($"/api/v1/plans/{plan.Id}/traceability?vocabulary=wsis", Ct));
        Assert.Equal([new TraceabilityCell(target.Id, c2.Id)], matrix.Cells);
        Assert.Equal([goal.Id], matrix.ElementsWithoutLinks);
        Assert.Equal(wsis.Entries.Where(e => e.Code != "C2").Select(e => e.Id), matrix.EntriesNotAddressed);
        Assert.Equal(0.5, matrix.ElementCoverage);

        await Rest.ProblemAsync(await planner.GetAsync($"/api/v1/plans/{plan.Id}/traceability", Ct), HttpStatusCode.BadRequest);
        await Rest.ProblemAsync(await planner.GetAsync($"/api/v1/plans/{plan.Id}/traceability?vocabulary=nope", Ct), HttpStatusCode.NotFound);

        // An entry in use is not deleted; once unlinked it is.
        await Rest.ProblemAsync(await planner.DeleteAsync($"/api/v1/vocabularies/wsis/entries/{c2.Id}", Ct), HttpStatusCode.BadRequest);
        await Rest.ExpectStatusAsync(await planner.DeleteAsync($"/api/v1/links/{link.Id}", Ct), HttpStatusCode.NoContent);
        await Rest.ExpectStatusAsync(await planner.DeleteAsync($"/api/v1/vocabularies/wsis/entries/{c2.Id}", Ct), HttpStatusCode.NoContent);
        matrix = await Rest.ReadAsync<TraceabilityResponse>(await planner.GetAsync($"/api/v1/plans/{plan.Id}/traceability?vocabulary=wsis", Ct));
        Assert.Empty(matrix.Cells);
        Assert.Equal(2, matrix.Entries.Count);
    }

    [Fact]
    public async Task Vocabulary_entries_are_added_and_changed()
    {
        var planner = await App.PlannerAsync();
        var sdg = await App.CreateVocabularyAsync("sdg-h", "9");
        var target = await Rest.ReadAsync<EntryResponse>(await planner.PostAsJsonAsync("/api/v1/vocabularies/sdg-h/entries",
            new SaveEntryRequest(null, "9.c", new() { ["en"] = "Access to ICT" }, "9"), Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal(sdg.Entries[0].Id, target.ParentEntryId);
        var changed = await Rest.ReadAsync<EntryResponse>(await planner.PutAsJsonAsync($"/api/v1/vocabularies/sdg-h/entries/{target.Id}",
            new SaveEntryRequest(target.Version, "9.c", new() { ["en"] = "Significantly increase access to ICT", ["fr"] = "Accès aux TIC" }, "9"), Rest.Json, Ct));
        Assert.Equal("Accès aux TIC", changed.Title["fr"]);
        var list = await Rest.ReadAsync<List<VocabularySummaryResponse>>(await App.AnonymousClient().GetAsync("/api/v1/vocabularies", Ct));
        Assert.Equal(2, list.Single(v => v.Code == "sdg-h").EntryCount);
    }

    [Fact]
    public async Task History_shows_field_by_field_changes_after_an_update()
    {
        var planner = await App.PlannerAsync();
        var plan = await App.CreatePlanAsync();
        var goal = await App.CreateElementAsync(plan.Id, "goal", "1", title: "Old title");
        await Rest.ReadAsync<ElementResponse>(await planner.PutAsJsonAsync($"/api/v1/elements/{goal.Id}",
            new UpdateElementRequest(goal.Version, Code: "1A", Title: new() { ["en"] = "New title" }), Rest.Json, Ct));

        var history = await Rest.ReadAsync<List<HistoryEntryResponse>>(await planner.GetAsync($"/api/v1/history/element/{goal.Id}", Ct));
        Assert.Equal(["update", "create"], history.Select(h => h.Action));
        var update = history[0];
        Assert.Contains(update.Changes, c => c is { Field: "Title.En", Before: "Old title", After: "New title" });
        Assert.Contains(update.Changes, c => c is { Field: "Code", Before: "1", After: "1A" });
        Assert.StartsWith("planner", update.Actor, StringComparison.Ordinal);

        // A draft's history is not public; once adopted it is.
        await Rest.ProblemAsync(await App.AnonymousClient().GetAsync($"/api/v1/history/element/{goal.Id}", Ct), HttpStatusCode.NotFound);
        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "BRA");
        await Rest.ProblemAsync(await delegateClient.GetAsync($"/api/v1/history/plan/{plan.Id}", Ct), HttpStatusCode.NotFound);
        var councillor = await App.ClientAsAsync(Roles.Councillor);
        await Rest.ReadAsync<List<HistoryEntryResponse>>(await councillor.GetAsync($"/api/v1/history/plan/{plan.Id}", Ct));
        await Rest.ReadAsync<PlanResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/status",
            new ChangePlanStatusRequest(plan.Version, PlanStatus.Adopted, "Decision 1"), Rest.Json, Ct));
        var publicHistory = await Rest.ReadAsync<List<HistoryEntryResponse>>(await App.AnonymousClient().GetAsync($"/api/v1/history/element/{goal.Id}", Ct));
        Assert.Equal(2, publicHistory.Count);

        await Rest.ProblemAsync(await planner.GetAsync($"/api/v1/history/spaceship/{goal.Id}", Ct), HttpStatusCode.BadRequest);
    }
}

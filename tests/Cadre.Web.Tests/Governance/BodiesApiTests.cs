using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Cadre.Web.Api.Governance;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Governance;

/// <summary>The API of bodies, officers and listed Members, liaison documents, and the recommendation's status order.</summary>
public sealed class BodiesApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private async Task<(HttpClient Chair, BodiesTestData.Ids Ids)> ChairOfNewGroupAsync(string? memberCode = null)
    {
        var user = await App.CreateUserAsync(Roles.Chair);
        var ids = await BodiesTestData.CreateAsync(App, user.Id, memberCode);
        var client = App.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.CreateTokenAsync(user));
        return (client, ids);
    }

    private static string Code(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private static BodyRequest Body(string code, BodyKind kind = BodyKind.AdvisoryGroup, int? parentId = null, int? version = null) => new(
        code, kind, new() { ["en"] = "Body " + code, ["fr"] = "Organe " + code }, parentId, "ITU-D",
        new() { ["en"] = "To review the operational plan." }, "TDAG-20/DT/7", MembershipRule.OpenToSector, true, true, false, "en",
        new DateOnly(2020, 7, 1), null, version);

    private async Task<int> BodyCountAsync(string code)
    {
        await using var db = App.NewDbContext();
        return await db.Bodies.CountAsync(b => b.Code == code, Ct);
    }

    [Fact]
    public async Task The_secretariat_creates_changes_and_deletes_a_body_through_the_API()
    {
        var planner = await App.PlannerAsync();
        var code = Code("TAG");
        var created = await Rest.ReadAsync<BodyResponse>(await planner.PostAsJsonAsync("/api/v1/bodies", Body(code), Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal(code, created.Code);
        Assert.Equal("TDAG-20/DT/7", created.MandateSymbol);
        Assert.Equal("Organe " + code, created.Name["fr"]);

        var group = await Rest.ReadAsync<BodyResponse>(await planner.PostAsJsonAsync("/api/v1/bodies",
            Body(code + "-WG", BodyKind.AdvisoryGroupWorkingGroup, created.Id), Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal(code, group.ParentCode);

        var changed = await Rest.ReadAsync<BodyResponse>(await planner.PutAsJsonAsync($"/api/v1/bodies/{created.Id}",
            Body(code, version: created.Version) with { Membership = MembershipRule.ListedMembers, WorkingLanguage = "fr" }, Rest.Json, Ct));
        Assert.Equal(MembershipRule.ListedMembers, changed.Membership);
        Assert.Equal("fr", changed.WorkingLanguage);
        // A save based on the old version is refused: nothing is overwritten.
        await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/bodies/{created.Id}", Body(code, version: created.Version), Rest.Json, Ct), HttpStatusCode.Conflict);

        // A body cannot be placed under one of its own groups.
        var cycle = await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/bodies/{created.Id}",
            Body(code, parentId: group.Id, version: changed.Version), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("parentId", cycle.Errors.Keys);

        // A body with a working group under it is not deleted; the group is, then the body.
        var inUse = await Rest.ProblemAsync(await planner.DeleteAsync($"/api/v1/bodies/{created.Id}?version={changed.Version}", Ct), HttpStatusCode.BadRequest);
        Assert.Contains("body", inUse.Errors.Keys);
        Assert.Equal(1, await BodyCountAsync(code));
        await Rest.ExpectStatusAsync(await planner.DeleteAsync($"/api/v1/bodies/{group.Id}?version={group.Version}", Ct), HttpStatusCode.NoContent);
        await Rest.ExpectStatusAsync(await planner.DeleteAsync($"/api/v1/bodies/{created.Id}?version={changed.Version}", Ct), HttpStatusCode.NoContent);
        await Rest.ExpectStatusAsync(await App.AnonymousClient().GetAsync($"/api/v1/bodies/{created.Id}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_body_input_gives_field_errors_and_stores_nothing()
    {
        var planner = await App.PlannerAsync();
        var code = Code("BAD");
        var problem = await Rest.ProblemAsync(await planner.PostAsJsonAsync("/api/v1/bodies",
            Body(code + " !", BodyKind.CouncilWorkingGroup) with { Sector = "ITU-X", ActiveTo = new DateOnly(2019, 1, 1) }, Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("code", problem.Errors.Keys);
        Assert.Contains("sector", problem.Errors.Keys);
        Assert.Contains("activeTo", problem.Errors.Keys);
        Assert.Contains("parentId", problem.Errors.Keys);
        Assert.Equal(0, await BodyCountAsync(code + " !"));

        await Rest.ReadAsync<BodyResponse>(await planner.PostAsJsonAsync("/api/v1/bodies", Body(code), Rest.Json, Ct), HttpStatusCode.Created);
        var duplicate = await Rest.ProblemAsync(await planner.PostAsJsonAsync("/api/v1/bodies", Body(code), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("code", duplicate.Errors.Keys);
        Assert.Equal(1, await BodyCountAsync(code));
    }

    [Fact]
    public async Task A_chair_creates_working_groups_under_their_body_only_and_others_are_refused()
    {
        var (chair, ids) = await ChairOfNewGroupAsync();
        var sub = Code("SUB");
        var created = await Rest.ReadAsync<BodyResponse>(await chair.PostAsJsonAsync("/api/v1/bodies",
            Body(sub, BodyKind.AdvisoryGroupWorkingGroup, ids.GroupId), Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal(ids.GroupId, created.ParentId);

        // Not under a body they do not chair, not at the top, not a change of the parent body.
        await Rest.ExpectStatusAsync(await chair.PostAsJsonAsync("/api/v1/bodies", Body(Code("NO"), BodyKind.AdvisoryGroupWorkingGroup, ids.OtherId), Rest.Json, Ct), HttpStatusCode.Forbidden);
        await Rest.ExpectStatusAsync(await chair.PostAsJsonAsync("/api/v1/bodies", Body(Code("NO")), Rest.Json, Ct), HttpStatusCode.Forbidden);
        await Rest.ExpectStatusAsync(await chair.PutAsJsonAsync($"/api/v1/bodies/{ids.ParentId}", Body(ids.ParentCode), Rest.Json, Ct), HttpStatusCode.Forbidden);
        await Rest.ExpectStatusAsync(await chair.DeleteAsync($"/api/v1/bodies/{ids.OtherId}", Ct), HttpStatusCode.Forbidden);

        // A Delegate writes nothing; without a token, 401.
        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "MEX");
        await Rest.ExpectStatusAsync(await delegateClient.PostAsJsonAsync("/api/v1/bodies", Body(Code("NO")), Rest.Json, Ct), HttpStatusCode.Forbidden);
        await Rest.ExpectStatusAsync(await App.AnonymousClient().PostAsJsonAsync("/api/v1/bodies", Body(Code("NO")), Rest.Json, Ct), HttpStatusCode.Unauthorized);
        await using var db = App.NewDbContext();
        Assert.False(await db.Bodies.AnyAsync(b => b.ParentId == ids.OtherId, Ct));
    }

    [Fact]
    public async Task Officers_are_appointed_their_terms_ended_and_removed_through_the_API()
    {
        var (chair, ids) = await ChairOfNewGroupAsync();
        var vice = await Rest.ReadAsync<OfficerResponse>(await chair.PostAsJsonAsync($"/api/v1/bodies/{ids.GroupId}/officers",
            new OfficerRequest("Amina Diallo", OfficerRole.ViceChair, new DateOnly(2020, 7, 1), null, null), Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal(OfficerRole.ViceChair, vice.Role);
        Assert.False(vice.HasAccount);

        // The group has a chair without a term: a second chair is refused.
        var twoChairs = await Rest.ProblemAsync(await chair.PostAsJsonAsync($"/api/v1/bodies/{ids.GroupId}/officers",
            new OfficerRequest("Second Chair", OfficerRole.Chair, new DateOnly(2021, 1, 1), null, null), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("role", twoChairs.Errors.Keys);

        var before = await Rest.ProblemAsync(await chair.PostAsJsonAsync($"/api/v1/bodies/{ids.GroupId}/officers/{vice.Id}/end-term",
            new EndTermRequest(new DateOnly(2020, 1, 1), vice.Version), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("endOn", before.Errors.Keys);
        var ended = await Rest.ReadAsync<OfficerResponse>(await chair.PostAsJsonAsync($"/api/v1/bodies/{ids.GroupId}/officers/{vice.Id}/end-term",
            new EndTermRequest(new DateOnly(2022, 6, 30), vice.Version), Rest.Json, Ct));
        Assert.Equal(new DateOnly(2022, 6, 30), ended.TermTo);

        // The officer of one body is not reached through another.
        await Rest.ExpectStatusAsync(await chair.DeleteAsync($"/api/v1/bodies/{ids.OtherId}/officers/{vice.Id}", Ct), HttpStatusCode.NotFound);
        await Rest.ExpectStatusAsync(await chair.DeleteAsync($"/api/v1/bodies/{ids.GroupId}/officers/{vice.Id}?version={vice.Version}", Ct), HttpStatusCode.Conflict);
        await Rest.ExpectStatusAsync(await chair.DeleteAsync($"/api/v1/bodies/{ids.GroupId}/officers/{vice.Id}?version={ended.Version}", Ct), HttpStatusCode.NoContent);
        var body = await Rest.ReadAsync<BodyResponse>(await App.AnonymousClient().GetAsync($"/api/v1/bodies/{ids.GroupId}", Ct));
        Assert.DoesNotContain(body.Officers, o => o.Id == vice.Id);
        Assert.Contains(body.Officers, o => o.Role == OfficerRole.Chair);
    }

    [Fact]
    public async Task Listed_Members_are_listed_added_and_removed_through_the_API()
    {
        var planner = await App.PlannerAsync();
        var ids = await BodiesTestData.CreateAsync(App);
        var code = Code("M");
        await using (var db = App.NewDbContext())
        {
            db.Members.Add(new Member { Code = code, Name = new LocalizedText("Member " + code, "Membre " + code), Kind = MemberKind.Academia });
            await db.SaveChangesAsync(Ct);
        }

        var list = await Rest.ReadAsync<BodyMembersResponse>(await App.AnonymousClient().GetAsync($"/api/v1/bodies/{ids.OtherId}/members", Ct));
        Assert.Equal(MembershipRule.ListedMembers, list.Membership);
        Assert.Equal(["LST"], list.Items.Select(i => i.Code));

        var added = await Rest.ReadAsync<BodyMemberResponse>(await planner.PostAsJsonAsync($"/api/v1/bodies/{ids.OtherId}/members",
            new BodyMemberRequest(code, new DateOnly(2021, 3, 1)), Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal(code, added.Code);
        Assert.Equal(MemberKind.Academia, added.Kind);
        var again = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/bodies/{ids.OtherId}/members", new BodyMemberRequest(code, null), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("memberCode", again.Errors.Keys);
        // The group is open to all Members: it keeps no list.
        var open = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/bodies/{ids.GroupId}/members", new BodyMemberRequest(code, null), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("memberCode", open.Errors.Keys);
        var unknown = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/bodies/{ids.OtherId}/members", new BodyMemberRequest("ZZZ-NONE", null), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("memberCode", unknown.Errors.Keys);

        list = await Rest.ReadAsync<BodyMembersResponse>(await App.AnonymousClient().GetAsync($"/api/v1/bodies/{ids.OtherId}/members", Ct));
        Assert.Equal(["LST", code], list.Items.Select(i => i.Code));

        await Rest.ExpectStatusAsync(await planner.DeleteAsync($"/api/v1/bodies/{ids.OtherId}/members/{code}", Ct), HttpStatusCode.NoContent);
        await Rest.ExpectStatusAsync(await planner.DeleteAsync($"/api/v1/bodies/{ids.OtherId}/members/{code}", Ct), HttpStatusCode.NotFound);
        list = await Rest.ReadAsync<BodyMembersResponse>(await App.AnonymousClient().GetAsync($"/api/v1/bodies/{ids.OtherId}/members", Ct));
        Assert.Equal(["LST"], list.Items.Select(i => i.Code));
        await Rest.ExpectStatusAsync(await App.AnonymousClient().GetAsync("/api/v1/bodies/999999/members", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_liaison_statement_carries_its_linked_documents_through_the_API()
    {
        var (chair, ids) = await ChairOfNewGroupAsync();
        var request = new LiaisonRequest(ids.GroupId, ids.OtherId, new() { ["en"] = "On the draft plan" }, null, LiaisonAction.ForComment,
            new DateOnly(2030, 3, 1), new DateOnly(2030, 4, 1), "TDAG-WG-SOP/12-E", null, null, ["TDAG-20/3/3", "C20/28"]);
        var created = await Rest.ReadAsync<LiaisonResponse>(await chair.PostAsJsonAsync("/api/v1/liaisons", request, Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal(["TDAG-20/3/3", "C20/28"], created.Documents);
        var read = await Rest.ReadAsync<LiaisonResponse>(await App.AnonymousClient().GetAsync($"/api/v1/liaisons/{created.Id}", Ct));
        Assert.Equal(["TDAG-20/3/3", "C20/28"], read.Documents);

        // Left out, they stay; an empty list removes them.
        var kept = await Rest.ReadAsync<LiaisonResponse>(await chair.PutAsJsonAsync($"/api/v1/liaisons/{created.Id}",
            request with { Documents = null, Version = created.Version }, Rest.Json, Ct));
        Assert.Equal(["TDAG-20/3/3", "C20/28"], kept.Documents);
        var bad = await Rest.ProblemAsync(await chair.PutAsJsonAsync($"/api/v1/liaisons/{created.Id}",
            request with { Documents = ["not a symbol"], Version = kept.Version }, Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("documents", bad.Errors.Keys);
        var cleared = await Rest.ReadAsync<LiaisonResponse>(await chair.PutAsJsonAsync($"/api/v1/liaisons/{created.Id}",
            request with { Documents = [], Version = kept.Version }, Rest.Json, Ct));
        Assert.Empty(cleared.Documents);
    }

    private async Task<(RecommendationStatus Status, DateOnly? DecidedOn, string? Symbol, int Version)> StoredAsync(int id)
    {
        await using var db = App.NewDbContext();
        var r = await db.Recommendations.AsNoTracking().SingleAsync(x => x.Id == id, Ct);
        return (r.Status, r.DecidedOn, r.DecisionSymbol, r.Version);
    }

    [Fact]
    public async Task A_skipped_or_backward_status_step_is_refused_by_the_API_and_stores_nothing()
    {
        var (chair, ids) = await ChairOfNewGroupAsync();
        var rec = await Rest.ReadAsync<RecommendationResponse>(await chair.GetAsync($"/api/v1/recommendations/{ids.RecommendationId}", Ct));
        Assert.Equal(RecommendationStatus.Proposed, rec.Status);
        var decided = new RecommendationRequest(ids.GroupId, "1", new() { ["en"] = "Approve the report." }, new DateOnly(2030, 1, 1), RecommendationStatus.Implemented,
            null, new() { ["en"] = "Done." }, "TDAG-20/3/7", new DateOnly(2030, 12, 1), null, null, rec.Version);

        // proposed → implemented skips the endorsement: refused through PUT and through the decision endpoint.
        var skipped = await Rest.ProblemAsync(await chair.PutAsJsonAsync($"/api/v1/recommendations/{rec.Id}", decided, Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("status", skipped.Errors.Keys);
        var skippedDecision = await Rest.ProblemAsync(await chair.PostAsJsonAsync($"/api/v1/recommendations/{rec.Id}/decision",
            new RecommendationDecisionRequest(RecommendationStatus.Implemented, new() { ["en"] = "Done." }, null, new DateOnly(2030, 12, 1), rec.Version), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("status", skippedDecision.Errors.Keys);
        Assert.Equal((RecommendationStatus.Proposed, (DateOnly?)null, (string?)null, rec.Version), await StoredAsync(rec.Id));

        // One step at a time: endorsed (decision endpoint, as the form), then implemented (PUT).
        var endorsed = await Rest.ReadAsync<RecommendationResponse>(await chair.PostAsJsonAsync($"/api/v1/recommendations/{rec.Id}/decision",
            new RecommendationDecisionRequest(RecommendationStatus.Endorsed, null, "TDAG-20/3/7", new DateOnly(2030, 11, 30), rec.Version), Rest.Json, Ct));
        Assert.Equal(RecommendationStatus.Endorsed, endorsed.Status);

        // Backward (endorsed → proposed) and sideways (endorsed → rejected) are refused, and nothing changes.
        foreach (var back in new[] { RecommendationStatus.Proposed, RecommendationStatus.Rejected })
        {
            var refused = await Rest.ProblemAsync(await chair.PutAsJsonAsync($"/api/v1/recommendations/{rec.Id}",
                decided with { Status = back, Version = endorsed.Version }, Rest.Json, Ct), HttpStatusCode.BadRequest);
            Assert.Contains("status", refused.Errors.Keys);
            Assert.Equal((RecommendationStatus.Endorsed, (DateOnly?)new DateOnly(2030, 11, 30), (string?)"TDAG-20/3/7", endorsed.Version), await StoredAsync(rec.Id));
        }

        var implemented = await Rest.ReadAsync<RecommendationResponse>(await chair.PutAsJsonAsync($"/api/v1/recommendations/{rec.Id}",
            decided with { Version = endorsed.Version }, Rest.Json, Ct));
        Assert.Equal(RecommendationStatus.Implemented, implemented.Status);
        var after = await Rest.ProblemAsync(await chair.PostAsJsonAsync($"/api/v1/recommendations/{rec.Id}/decision",
            new RecommendationDecisionRequest(RecommendationStatus.Endorsed, null, "TDAG-20/3/7", new DateOnly(2031, 1, 1), implemented.Version), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("status", after.Errors.Keys);
        Assert.Equal(RecommendationStatus.Implemented, (await StoredAsync(rec.Id)).Status);
    }

    [Fact]
    public async Task A_new_recommendation_starts_proposed()
    {
        var (chair, ids) = await ChairOfNewGroupAsync();
        var number = Code("R");
        var problem = await Rest.ProblemAsync(await chair.PostAsJsonAsync("/api/v1/recommendations", new RecommendationRequest(ids.GroupId, number,
            new() { ["en"] = "Adopt the plan." }, new DateOnly(2030, 1, 1), RecommendationStatus.Endorsed, null, new() { ["en"] = "Endorsed." }, null,
            new DateOnly(2030, 2, 1), null, null, null), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("status", problem.Errors.Keys);
        await using var db = App.NewDbContext();
        Assert.False(await db.Recommendations.AnyAsync(r => r.Number == number, Ct));
    }
}

using System.Net;
using System.Net.Http.Json;
using Cadre.Core.Governance.Contributions;
using Cadre.Core.Identity;
using Cadre.Web.Api.Governance.Documents;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Governance;

public sealed class ContributionsApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private static string Code(string prefix) => prefix + new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('A' + (c % 26))).ToArray());

    private static SaveContributionRequest Draft(int bodyId, int? meetingId = null, int? version = null, List<string>? coSigners = null, string? member = null) =>
        new(version, bodyId, meetingId, new() { ["en"] = "Proposal on the review of the Strategic Plan by WTDC", ["fr"] = "Proposition concernant l'examen du Plan stratégique par la CMDT" },
            "Simplify the review of the Strategic Plan.", ["TDAG prepares the ITU-D contribution to the Strategic Plan.", "Questions to examine are in Annex 1."], coSigners, member);

    [Fact]
    public async Task A_co_signed_draft_is_seen_only_by_its_Members_Delegates_and_the_secretariat()
    {
        var (bodyId, _) = await DocumentsTestData.BodyAsync(App, Code("WGSOP"), deadline: new DateOnly(2099, 9, 20));
        var mexico = await App.ClientAsAsync(Roles.Delegate, "MEX");
        await App.CreateUserAsync(Roles.Delegate, "CAN");
        var usa = await App.ClientAsAsync(Roles.Delegate, "USA");
        var created = await Rest.ReadAsync<ContributionResponse>(await mexico.PostAsJsonAsync("/api/v1/contributions", Draft(bodyId, coSigners: ["USA", "CAN"]), Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal(["CAN", "MEX", "USA"], created.Members);
        Assert.Equal(ContributionStatus.Draft, created.Status);
        Assert.Equal(2, created.Proposals.Count);

        var france = await App.ClientAsAsync(Roles.Delegate, "FRA");
        var planner = await App.PlannerAsync();
        var chair = await App.ClientAsAsync(Roles.Chair);
        foreach (var (client, visible) in new[] { (usa, true), (planner, true), (france, false), (chair, false), (App.AnonymousClient(), false) })
        {
            Assert.Equal(visible ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/contributions/{created.Id}", Ct)).StatusCode);
            var list = await Rest.ReadAsync<ContributionPageResponse>(await client.GetAsync($"/api/v1/contributions?bodyId={bodyId}", Ct));
            Assert.Equal(visible ? 1 : 0, list.Total);
        }
        // A co-signer reads it but only the lead Member's Delegates change it.
        await Rest.ProblemAsync(await usa.PutAsJsonAsync($"/api/v1/contributions/{created.Id}", Draft(bodyId, version: created.Version), Rest.Json, Ct), HttpStatusCode.Forbidden);
        await Rest.ProblemAsync(await france.PutAsJsonAsync($"/api/v1/contributions/{created.Id}", Draft(bodyId, version: created.Version), Rest.Json, Ct), HttpStatusCode.NotFound);

        var submitted = await Rest.ReadAsync<ContributionResponse>(await mexico.PostAsJsonAsync($"/api/v1/contributions/{created.Id}/submit", new SubmitContributionRequest(created.Version), Rest.Json, Ct));
        Assert.Equal(ContributionStatus.Submitted, submitted.Status);
        Assert.False(submitted.IsLate);
        // Once submitted, every Member's Delegates and the chair read it; anonymous callers still do not.
        Assert.Equal(HttpStatusCode.OK, (await france.GetAsync($"/api/v1/contributions/{created.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync($"/api/v1/contributions/{created.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.AnonymousClient().GetAsync($"/api/v1/contributions/{created.Id}", Ct)).StatusCode);
        await Rest.ProblemAsync(await mexico.PutAsJsonAsync($"/api/v1/contributions/{created.Id}", Draft(bodyId, version: submitted.Version), Rest.Json, Ct), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_Delegate_cannot_write_for_another_Member_and_nothing_is_stored()
    {
        var (bodyId, _) = await DocumentsTestData.BodyAsync(App, Code("WGX"));
        var mexico = await App.ClientAsAsync(Roles.Delegate, "MEX");
        var before = await CountAsync();
        await Rest.ProblemAsync(await mexico.PostAsJsonAsync("/api/v1/contributions", Draft(bodyId, member: "USA"), Rest.Json, Ct), HttpStatusCode.Forbidden);
        var planner = await App.PlannerAsync();
        await Rest.ProblemAsync(await planner.PostAsJsonAsync("/api/v1/contributions", Draft(bodyId), Rest.Json, Ct), HttpStatusCode.Forbidden);
        var problem = await Rest.ProblemAsync(await mexico.PostAsJsonAsync("/api/v1/contributions", Draft(bodyId, coSigners: ["ZZZ"]) with { Proposals = [] }, Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.ContainsKey("proposals") && problem.Errors.ContainsKey("coSigners"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_late_submission_by_a_Delegate_is_refused_and_the_Chair_accepts_it_marked_late()
    {
        var (bodyId, meetingId) = await DocumentsTestData.BodyAsync(App, Code("WGLATE"), deadline: new DateOnly(2020, 9, 20), meeting: true);
        var mexico = await App.ClientAsAsync(Roles.Delegate, "MEX");
        var draft = await Rest.ReadAsync<ContributionResponse>(await mexico.PostAsJsonAsync("/api/v1/contributions", Draft(bodyId, meetingId), Rest.Json, Ct), HttpStatusCode.Created);
        var refused = await Rest.ProblemAsync(await mexico.PostAsJsonAsync($"/api/v1/contributions/{draft.Id}/submit", new SubmitContributionRequest(draft.Version), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("2020-09-20", refused.Errors["deadline"][0], StringComparison.Ordinal);
        await using (var db = App.NewDbContext())
        {
            var stored = await db.Contributions.SingleAsync(c => c.Id == draft.Id, Ct);
            Assert.Equal((ContributionStatus.Draft, null, false), (stored.Status, stored.SubmittedAtUtc, stored.IsLate));
        }
        var chair = await App.ClientAsAsync(Roles.Chair);
        var accepted = await Rest.ReadAsync<ContributionResponse>(await chair.PostAsJsonAsync($"/api/v1/contributions/{draft.Id}/submit", new SubmitContributionRequest(draft.Version), Rest.Json, Ct));
        Assert.Equal(ContributionStatus.Submitted, accepted.Status);
        Assert.True(accepted.IsLate);
        Assert.NotNull(accepted.AcceptedLateBy);
    }

    [Fact]
    public async Task The_Chair_records_the_outcome_of_each_proposal()
    {
        var (bodyId, _) = await DocumentsTestData.BodyAsync(App, Code("WGOUT"));
        var mexico = await App.ClientAsAsync(Roles.Delegate, "MEX");
        await App.CreateUserAsync(Roles.Delegate, "USA");
        await App.CreateUserAsync(Roles.Delegate, "CAN");
        var draft = await Rest.ReadAsync<ContributionResponse>(await mexico.PostAsJsonAsync("/api/v1/contributions", Draft(bodyId, coSigners: ["USA", "CAN"]), Rest.Json, Ct), HttpStatusCode.Created);
        var chair = await App.ClientAsAsync(Roles.Chair);
        var p1 = draft.Proposals[0];
        await Rest.ProblemAsync(await chair.PostAsJsonAsync($"/api/v1/contributions/{draft.Id}/proposals/{p1.Id}/outcome",
            new RecordOutcomeRequest(p1.Version, ProposalOutcome.Agreed, true, null), Rest.Json, Ct), HttpStatusCode.NotFound);
        var submitted = await Rest.ReadAsync<ContributionResponse>(await mexico.PostAsJsonAsync($"/api/v1/contributions/{draft.Id}/submit", new SubmitContributionRequest(draft.Version), Rest.Json, Ct));
        await Rest.ProblemAsync(await mexico.PostAsJsonAsync($"/api/v1/contributions/{draft.Id}/proposals/{p1.Id}/outcome",
            new RecordOutcomeRequest(p1.Version, ProposalOutcome.Agreed, true, null), Rest.Json, Ct), HttpStatusCode.Forbidden);
        var noConsensusFlag = await Rest.ProblemAsync(await chair.PostAsJsonAsync($"/api/v1/contributions/{draft.Id}/proposals/{p1.Id}/outcome",
            new RecordOutcomeRequest(p1.Version, ProposalOutcome.Agreed, null, null), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(noConsensusFlag.Errors.ContainsKey("byConsensus"));
        await Rest.ReadAsync<ContributionResponse>(await chair.PostAsJsonAsync($"/api/v1/contributions/{draft.Id}/proposals/{p1.Id}/outcome",
            new RecordOutcomeRequest(p1.Version, ProposalOutcome.Agreed, true, "Submitted to WG-Prep and WG-RDTP"), Rest.Json, Ct));
        var p2 = submitted.Proposals[1];
        var done = await Rest.ReadAsync<ContributionResponse>(await chair.PostAsJsonAsync($"/api/v1/contributions/{draft.Id}/proposals/{p2.Id}/outcome",
            new RecordOutcomeRequest(p2.Version, ProposalOutcome.Noted, false, null), Rest.Json, Ct));
        Assert.Equal([(ProposalOutcome.Agreed, (bool?)true), (ProposalOutcome.Noted, false)], done.Proposals.Select(p => (p.Outcome, p.ByConsensus)));
        await Rest.ProblemAsync(await chair.PostAsJsonAsync($"/api/v1/contributions/{draft.Id}/proposals/{p1.Id}/outcome",
            new RecordOutcomeRequest(p1.Version, ProposalOutcome.NotAgreed, false, null), Rest.Json, Ct), HttpStatusCode.Conflict);
    }

    private async Task<int> CountAsync()
    {
        await using var db = App.NewDbContext();
        return await db.Contributions.CountAsync(Ct);
    }
}

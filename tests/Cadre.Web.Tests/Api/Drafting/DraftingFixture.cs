using System.Net;
using System.Net.Http.Json;
using Cadre.Core.Demo;
using Cadre.Core.Drafting;
using Cadre.Core.Identity;
using Cadre.Web.Api.Drafting;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Api.Drafting;

/// <summary>Drafting items made through the API: Resolution 71 (Dubai 2018) published, a draft version, proposals and a compilation.</summary>
public sealed record DraftingIds(int Instrument, int Published, int Draft, int Proposal, int Compilation);

public static class DraftingFixture
{
    public static readonly IReadOnlyList<ProvisionChange> SecondChanges = DemoDraftingTexts.SecondChanges;

    public static async Task<InstrumentResponse> CreateInstrumentAsync(HttpClient chair, string number)
    {
        var response = await chair.PostAsJsonAsync("/api/v1/drafting/instruments",
            new CreateInstrumentRequest(InstrumentKind.Resolution, "PP", number, new() { ["en"] = "Strategic plan of the Union", ["fr"] = "Plan stratégique de l'Union" }), Rest.Json);
        return await Rest.ReadAsync<InstrumentResponse>(response, HttpStatusCode.Created);
    }

    public static async Task<VersionResponse> CreateVersionAsync(HttpClient chair, int instrument, string label, string text, bool publish)
    {
        var response = await chair.PostAsJsonAsync($"/api/v1/drafting/instruments/{instrument}/versions", new CreateVersionRequest(label, "fr", text, publish), Rest.Json);
        return await Rest.ReadAsync<VersionResponse>(response, HttpStatusCode.Created);
    }

    public static async Task<ProposalResponse> ProposeAsync(HttpClient delegateClient, int version, IReadOnlyList<ProvisionChange> changes, bool submit = true)
    {
        var created = await Rest.ReadAsync<ProposalResponse>(await delegateClient.PostAsJsonAsync("/api/v1/drafting/proposals",
            new ProposalRequest(version, null, null, "Proposition", changes, null), Rest.Json), HttpStatusCode.Created);
        if (!submit) return created;
        return await Rest.ReadAsync<ProposalResponse>(await delegateClient.PostAsJsonAsync($"/api/v1/drafting/proposals/{created.Id}/submit",
            new VersionedRequest(created.Version), Rest.Json));
    }

    /// <summary>Everything the access matrix needs, made by a Chair and a Delegate of <paramref name="member"/>.</summary>
    public static async Task<DraftingIds> CreateAsync(CadreWebFactory app, string number, string member)
    {
        var chair = await app.ClientAsAsync(Roles.Chair);
        var delegateClient = await app.ClientAsAsync(Roles.Delegate, member);
        var instrument = await CreateInstrumentAsync(chair, number);
        var published = await CreateVersionAsync(chair, instrument.Id, "Rév. Dubaï, 2018", DemoDraftingTexts.Dubai, publish: true);
        var draft = await CreateVersionAsync(chair, instrument.Id, "Projet", DemoDraftingTexts.Bucharest, publish: false);
        var proposal = await ProposeAsync(delegateClient, published.Id, DemoDraftingTexts.BucharestChanges);
        var compilation = await Rest.ReadAsync<CompilationResponse>(await chair.PostAsJsonAsync("/api/v1/drafting/compilations",
            new CompilationRequest(published.Id, [proposal.Id], "Compilation"), Rest.Json), HttpStatusCode.Created);
        return new DraftingIds(instrument.Id, published.Id, draft.Id, proposal.Id, compilation.Id);
    }
}

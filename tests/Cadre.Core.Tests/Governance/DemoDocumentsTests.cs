using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Demo;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Contributions;
using Cadre.Core.Governance.Documents;
using Cadre.Core.Tests.Demo;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Cadre.Core.Tests.Governance;

/// <summary>The demo's document registry and contribution (seed 003), read through the same queries as the pages.</summary>
public sealed class DemoDocumentsTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CadreDbContext As(ICurrentActor actor)
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        using var probe = demo.NewContext();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, probe.Database.GetConnectionString()!);
        return new CadreDbContext(options.Options, actor);
    }

    [Fact]
    public async Task The_documents_of_seed_003_are_registered_under_their_bodies()
    {
        await using var db = demo.NewContext();
        var documents = await db.Documents.AsNoTracking().Select(d => new { d.Symbol, d.BodyId, d.Type }).ToListAsync(Ct);
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, Ct);
        string BodyOf(string symbol) => bodies[documents.Single(d => d.Symbol == symbol).BodyId!.Value];
        Assert.Equal("TDAG", BodyOf("TDAG-20/3/3"));
        Assert.Equal("TDAG", BodyOf("TDAG-20/59"));
        Assert.Equal("TDAG", BodyOf("TDAG-20/DT/7"));
        Assert.Equal(DemoGovernance.WgPrep, BodyOf("TDAG-WG-Prep/25"));
        Assert.Equal(DemoGovernanceDocuments.Council, BodyOf("C20/28"));
        Assert.Equal(DemoGovernanceDocuments.CwgSfp, BodyOf("CWG-SFP 2/6"));
        Assert.Equal(DocumentType.TermsOfReference, documents.Single(d => d.Symbol == "TDAG-20/DT/7").Type);

        // The agenda items' symbols now lead to registered documents.
        var cited = (await db.Set<AgendaItem>().AsNoTracking().Where(a => a.Documents != "").Select(a => a.Documents).ToListAsync(Ct))
            .SelectMany(Symbols.Split).Distinct().ToList();
        Assert.NotEmpty(cited);
        Assert.All(cited, s => Assert.Contains(documents, d => d.Symbol == s));
    }

    [Fact]
    public async Task The_demo_documents_are_found_by_French_words_without_accents_and_members_only_ones_stay_hidden()
    {
        await using var reader = As(new FixedActor("reader"));
        var found = await new DocumentQueries(reader).SearchAsync(new DocumentSearch("reunion interprefy"), Ct);
        Assert.Contains(found.Items, d => d.Symbol == "TDAG-20/3/3");
        var list = await new DocumentQueries(reader).SearchAsync(new DocumentSearch(PageSize: 100), Ct);
        Assert.DoesNotContain(list.Items, d => d.Symbol == "CWG-SFP 2/6");
        await using var delegateDb = As(new FixedActor("delegate", roles: ["Delegate"], memberCode: "MEX"));
        var seen = await new DocumentQueries(delegateDb).SearchAsync(new DocumentSearch(PageSize: 100), Ct);
        Assert.Contains(seen.Items, d => d.Symbol == "CWG-SFP 2/6");
        Assert.Equal(list.Total + 1, seen.Total);
    }

    [Fact]
    public async Task The_Mexico_United_States_Canada_contribution_has_its_two_proposals_agreed()
    {
        await using var db = demo.NewContext();
        var c = await db.Contributions.AsNoTracking().Include(x => x.Signers).ThenInclude(s => s.Member).Include(x => x.Proposals).Include(x => x.LeadMember)
            .SingleAsync(x => x.Title.En == DemoGovernanceDocuments.ContributionTitle, Ct);
        Assert.Equal("MEX", c.LeadMember!.Code);
        Assert.Equal(["CAN", "MEX", "USA"], c.Signers.Select(s => s.Member!.Code).Order(StringComparer.Ordinal));
        Assert.Equal(ContributionStatus.Submitted, c.Status);
        Assert.False(c.IsLate);
        Assert.True(c.SubmittedAtUtc < c.DeadlineUtc);
        Assert.Equal(2, c.Proposals.Count);
        Assert.All(c.Proposals, p => Assert.Equal((ProposalOutcome.Agreed, (bool?)true), (p.Outcome, p.ByConsensus)));
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == c.MeetingId, Ct);
        Assert.Equal(new DateTime(2020, 10, 1, 11, 0, 0, DateTimeKind.Utc), meeting.StartUtc);
    }
}

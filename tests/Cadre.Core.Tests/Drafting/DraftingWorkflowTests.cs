using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Demo;
using Cadre.Core.Drafting;
using Cadre.Core.Drafting.Handlers;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Cadre.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Cadre.Core.Tests.Drafting;

public sealed class DraftingWorkflowTests
{
    private static readonly FixedActor Chair = new("chair@test", "u-chair", [Roles.Chair]);
    private static readonly FixedActor Mexico = new("delegate.mex@test", "u-mex", [Roles.Delegate], "MEX");
    private static readonly FixedActor Usa = new("delegate.usa@test", "u-usa", [Roles.Delegate], "USA");
    private static readonly FixedActor Planner = new("planner@test", "u-planner", [Roles.Planner]);

    private static readonly IReadOnlyList<ProvisionChange> UsaChanges =
    [
        new(ProvisionAction.Mod, 1, "Plan stratégique de l'Union pour la période 2024-2027"),
        new(ProvisionAction.Mod, 9, "1\tde contrôler chaque année l'évolution et l'application du cadre UIT de présentation des résultats;"),
    ];

    [Fact]
    public void The_Bucharest_changes_applied_to_the_Dubai_text_give_the_Bucharest_text()
    {
        var proposed = ProvisionChanges.Apply(DraftingText.Paragraphs(DemoDraftingTexts.Dubai), DemoDraftingTexts.BucharestChanges);
        Assert.Equal(DraftingText.Paragraphs(DemoDraftingTexts.Bucharest), proposed);
    }

    [Fact]
    public void Two_proposals_combine_where_they_differ_and_conflict_where_they_overlap()
    {
        var dubai = DraftingText.Paragraphs(DemoDraftingTexts.Dubai);
        var compiled = CompiledText.Compile(dubai,
        [
            new CompilationInput(1, "1 (MEX)", ["MEX"], DemoDraftingTexts.BucharestChanges),
            new CompilationInput(2, "2 (USA)", ["USA"], UsaChanges),
        ]);

        // The same new period from both is no conflict; the two wordings of the Council's item are one.
        var conflict = Assert.Single(compiled.Conflicts);
        Assert.Equal(9, conflict.Unit.Provision);
        Assert.Equal(["1 (MEX)", "2 (USA)"], conflict.Conflict.Versions.Select(v => v.Label));
        Assert.Null(compiled.Resolve(new Dictionary<string, string>()));

        var usaVersion = conflict.Conflict.Versions.Single(v => v.Label == "2 (USA)").Text;
        var resolved = compiled.Resolve(new Dictionary<string, string> { [conflict.Key] = usaVersion })!;
        Assert.Equal("Plan stratégique de l'Union pour la période 2024-2027", resolved[0]);
        Assert.Contains("1\tde contrôler chaque année l'évolution et l'application du cadre UIT de présentation des résultats;", resolved);
        // MEX's changes elsewhere are kept: items renumbered, a) moved after b).
        Assert.Contains(DraftingText.Paragraphs(DemoDraftingTexts.Bucharest)[8], resolved);
        Assert.True(resolved.ToList().IndexOf(dubai[4]) < resolved.ToList().IndexOf(dubai[3]));
    }

    [Fact]
    public void SUP_and_NOC_without_a_reason_and_a_provision_out_of_range_are_refused()
    {
        var errors = ProvisionChanges.Check(3, [new(ProvisionAction.Sup, 1), new(ProvisionAction.Noc, 2, Reason: " "), new(ProvisionAction.Mod, 4, "x"), new(ProvisionAction.Mod, 3, "")]);
        Assert.Contains("changes[0].reason", errors.Keys);
        Assert.Contains("changes[1].reason", errors.Keys);
        Assert.Contains("changes[2].provision", errors.Keys);
        Assert.Contains("changes[3].text", errors.Keys);
    }

    private static async Task<int> PublishedDubaiAsync(TestDatabase database, bool publish = true)
    {
        await using var db = database.Context(Chair);
        db.Members.AddRange(
            new Member { Code = "MEX", Name = new LocalizedText("Mexico", "Mexique"), Kind = MemberKind.MemberState },
            new Member { Code = "USA", Name = new LocalizedText("United States", "États-Unis"), Kind = MemberKind.MemberState },
            new Member { Code = "CAN", Name = new LocalizedText("Canada", "Canada"), Kind = MemberKind.MemberState });
        await db.SaveChangesAsync();
        var instrument = await new CreateInstrument(db).HandleAsync(new CreateInstrument.Request(InstrumentKind.Resolution, "PP", "71",
            new Dictionary<string, string?> { ["en"] = "Strategic plan of the Union", ["fr"] = "Plan stratégique de l'Union" }));
        var version = await new CreateVersion(db).HandleAsync(new CreateVersion.Request(instrument.Id, "Rév. Dubaï, 2018", "fr", DemoDraftingTexts.Dubai, publish));
        return version.Id;
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task Delegates_propose_the_chair_compiles_resolves_the_conflict_and_gets_a_new_draft_version(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var baseId = await PublishedDubaiAsync(database);

        int mexId, usaId;
        await using (var db = database.Context(Mexico))
        {
            var p = await new SaveProposal(db).HandleAsync(new SaveProposal.Request(null, null, baseId, null, ["CAN"], "Révision", [DemoDraftingTexts.BucharestChanges[0]]));
            // A second save is a second, immutable revision.
            p = await new SaveProposal(db).HandleAsync(new SaveProposal.Request(p.Id, p.Version, baseId, "MEX", ["CAN"], "Révision (Bucarest)", DemoDraftingTexts.BucharestChanges));
            await new SubmitProposal(db).HandleAsync(new SubmitProposal.Request(p.Id, p.Version));
            mexId = p.Id;
        }
        await using (var db = database.Context(Usa))
        {
            var p = await new SaveProposal(db).HandleAsync(new SaveProposal.Request(null, null, baseId, "USA", null, "Suivi annuel", UsaChanges));
            await new SubmitProposal(db).HandleAsync(new SubmitProposal.Request(p.Id, p.Version));
            usaId = p.Id;
            // USA's delegate does not see Mexico's proposal.
            Assert.Null(await new DraftingQueries(db).GetProposalAsync(mexId, TestContext.Current.CancellationToken));
            Assert.Equal([usaId], (await new DraftingQueries(db).ListProposalsAsync(baseId, TestContext.Current.CancellationToken)).Select(x => x.Id));
        }
        await using (var db = database.Context(Mexico))
        {
            var view = (await new DraftingQueries(db).GetProposalAsync(mexId, TestContext.Current.CancellationToken))!;
            Assert.Equal(2, view.Revision.Number);
            Assert.Equal(2, view.Proposal.Revisions.Count);
            Assert.Equal(["MEX", "CAN"], view.Proposal.AllMembers);
            Assert.Equal(DraftingText.Paragraphs(DemoDraftingTexts.Bucharest), view.ProposedParagraphs);
            // Submitted: no more revisions.
            await Assert.ThrowsAsync<ValidationFailedException>(() => new SaveProposal(db).HandleAsync(
                new SaveProposal.Request(mexId, null, baseId, null, null, "x", DemoDraftingTexts.BucharestChanges)));
        }

        int versionId;
        await using (var db = database.Context(Chair))
        {
            var queries = new DraftingQueries(db);
            var compilation = await new CreateCompilation(db).HandleAsync(new CreateCompilation.Request(baseId, [mexId, usaId], "Compilation"));
            var view = await queries.CompileAsync(compilation, TestContext.Current.CancellationToken);
            var (_, conflict, key) = Assert.Single(view.Text.Conflicts);
            Assert.Equal([$"{mexId} (MEX, CAN)", $"{usaId} (USA)"], conflict.Versions.Select(v => v.Label));

            await Assert.ThrowsAsync<ValidationFailedException>(() => new CompleteCompilation(db, queries).HandleAsync(new CompleteCompilation.Request(compilation.Id, null, "Rév. Bucarest, 2022")));
            compilation = await new ResolveConflict(db, queries).HandleAsync(new ResolveConflict.Request(compilation.Id, compilation.Version, key, conflict.Versions[1].Text));
            var version = await new CompleteCompilation(db, queries).HandleAsync(new CompleteCompilation.Request(compilation.Id, compilation.Version, "Rév. Bucarest, 2022"));
            versionId = version.Id;
        }
        await using (var db = database.Context(Chair))
        {
            var version = await db.InstrumentVersions.SingleAsync(v => v.Id == versionId, TestContext.Current.CancellationToken);
            Assert.Equal(VersionStatus.Draft, version.Status);
            Assert.Contains("1\tde contrôler chaque année l'évolution et l'application du cadre UIT de présentation des résultats;", version.Paragraphs);
            Assert.Equal("Plan stratégique de l'Union pour la période 2024-2027", version.Paragraphs[0]);
            Assert.Contains("MEX", version.Provenance, StringComparison.Ordinal);
            Assert.Contains("USA", version.Provenance, StringComparison.Ordinal);
            var compilation = await db.Compilations.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(CompilationStatus.Completed, compilation.Status);
            Assert.Equal(versionId, compilation.ResultVersionId);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task A_delegate_proposing_for_another_Member_or_against_an_unpublished_version_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var baseId = await PublishedDubaiAsync(database, publish: false);

        await using (var db = database.Context(Mexico))
        {
            var forOther = await Assert.ThrowsAsync<ForbiddenException>(() => new SaveProposal(db).HandleAsync(
                new SaveProposal.Request(null, null, baseId, "USA", null, "x", DemoDraftingTexts.BucharestChanges)));
            Assert.Contains("USA", forOther.Message, StringComparison.Ordinal);
            // An unpublished version is not even visible to a Delegate.
            await Assert.ThrowsAsync<NotFoundException>(() => new SaveProposal(db).HandleAsync(
                new SaveProposal.Request(null, null, baseId, null, null, "x", DemoDraftingTexts.BucharestChanges)));
        }
        await using (var db = database.Context(Planner))
        {
            // The secretariat prepares texts; it does not propose.
            await Assert.ThrowsAsync<ForbiddenException>(() => new SaveProposal(db).HandleAsync(
                new SaveProposal.Request(null, null, baseId, null, null, "x", DemoDraftingTexts.BucharestChanges)));
        }
        var delegateWithSight = new FixedActor("d", "u-d", [Roles.Delegate, Roles.Councillor], "MEX");
        await using (var db = database.Context(delegateWithSight))
        {
            var error = await Assert.ThrowsAsync<ValidationFailedException>(() => new SaveProposal(db).HandleAsync(
                new SaveProposal.Request(null, null, baseId, null, null, "x", DemoDraftingTexts.BucharestChanges)));
            Assert.Contains("baseVersionId", error.Errors.Keys);
            await Assert.ThrowsAsync<ForbiddenException>(() => new CreateCompilation(db).HandleAsync(new CreateCompilation.Request(baseId, [1], "x")));
        }
        await using (var db = database.Context(Chair))
        {
            Assert.Equal(0, await db.Proposals.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(0, await db.ProposalRevisions.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(0, await db.Compilations.CountAsync(TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task A_published_version_never_changes_and_a_stale_proposal_save_is_a_conflict(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var baseId = await PublishedDubaiAsync(database);
        await using (var db = database.Context(Chair))
        {
            await Assert.ThrowsAsync<ValidationFailedException>(() => new PublishVersion(db).HandleAsync(new PublishVersion.Request(baseId, null)));
        }
        await using (var db = database.Context(Mexico))
        {
            var p = await new SaveProposal(db).HandleAsync(new SaveProposal.Request(null, null, baseId, null, null, "x", DemoDraftingTexts.BucharestChanges));
            await new SaveProposal(db).HandleAsync(new SaveProposal.Request(p.Id, p.Version, baseId, null, null, "y", DemoDraftingTexts.BucharestChanges));
        }
        await using (var db = database.Context(Mexico))
        {
            var id = await db.Proposals.Select(x => x.Id).SingleAsync(TestContext.Current.CancellationToken);
            await Assert.ThrowsAsync<ConcurrencyConflictException>(() => new SaveProposal(db).HandleAsync(
                new SaveProposal.Request(id, 0, baseId, null, null, "z", DemoDraftingTexts.BucharestChanges)));
            Assert.Equal(2, await db.ProposalRevisions.CountAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task The_demo_compilation_of_two_Members_shows_one_conflict()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.Context(FixedActor.System))
        {
            Assert.True(await DemoData.LoadAsync(db, TestContext.Current.CancellationToken));
        }
        await using (var db = database.Context(Chair))
        {
            var queries = new DraftingQueries(db);
            var compilation = await db.Compilations.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
            var view = await queries.CompileAsync(compilation, TestContext.Current.CancellationToken);
            var conflict = Assert.Single(view.Text.Conflicts).Conflict;
            Assert.Equal(2, conflict.Versions.Count);
            Assert.Equal(["MEX"], view.Inputs[0].Members);
            Assert.Equal(["USA", "CAN"], view.Inputs[1].Members);
        }
    }
}

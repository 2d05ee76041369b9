using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Demo;
using Cadre.Core.Drafting;
using Cadre.Core.Drafting.Handlers;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Contributions;
using Cadre.Core.Identity;
using Cadre.Core.Tests.Data;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Cadre.Core.Tests.Drafting;

public sealed class DocxImportTests
{
    private static readonly FixedActor Chair = new("chair@test", "u-chair", [Roles.Chair]);
    private static readonly FixedActor Mexico = new("delegate.mex@test", "u-mex", [Roles.Delegate], "MEX");
    private static readonly FixedActor Usa = new("delegate.usa@test", "u-usa", [Roles.Delegate], "USA");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // ------------------------------------------------------------------ derivation

    [Fact]
    public void Seed_000s_two_texts_become_MOD_ADD_and_SUP_that_apply_to_the_proposal_exactly_and_a_moved_item_is_said_to_move()
    {
        var dubai = DraftingText.Paragraphs(DemoDraftingTexts.Dubai);
        var bucharest = DraftingText.Paragraphs(DemoDraftingTexts.Bucharest);
        var changes = ProposalDerivation.Derive(dubai, bucharest, "deleted", to => $"moved after {to}");

        Assert.Equal(bucharest, ProvisionChanges.Apply(dubai, changes));
        Assert.Empty(ProvisionChanges.Check(dubai.Count, changes));
        // The period is one paragraph modified, not a deletion plus an insertion.
        var first = Assert.Single(changes, c => c.Provision == 1 && c.Action != ProvisionAction.Add);
        Assert.Equal(ProvisionAction.Mod, first.Action);
        Assert.Contains("2024-2027", first.Text, StringComparison.Ordinal);
        Assert.Contains(changes, c => c.Action == ProvisionAction.Sup && c.Reason!.StartsWith("moved after", StringComparison.Ordinal));
    }

    private static readonly string[] Words = ["décide", "considérant", "2020-2023", "2024-2027", "CWG-SFP 2/6", "a)", "b)", "43", "مرحبا", "战略", "plan", "the", "Council"];

    private static readonly Gen<string> Word = Gen.Int[0, Words.Length - 1].Select(i => Words[i]);

    private static readonly Gen<string> Paragraph = Word.Array[1, 7].Select(w => string.Join(' ', w));

    /// <summary>A base and an edit of it: paragraphs kept, changed by a word, deleted, inserted and moved.</summary>
    private static readonly Gen<(List<string> Base, List<string> Proposal)> Edited =
        Gen.Select(Paragraph.List[0, 12], Gen.Int[0, 4].Array[0, 12], Paragraph.Array[12], Gen.Int[0, 11].Array[12])
            .Select((b, ops, extra, where) =>
            {
                var p = new List<string>(b);
                for (var k = 0; k < ops.Length; k++)
                {
                    var i = p.Count == 0 ? 0 : where[k] % p.Count;
                    switch (ops[k])
                    {
                        case 0 when p.Count > 0: p[i] = p[i] + " " + extra[k]; break;
                        case 1 when p.Count > 0: p.RemoveAt(i); break;
                        case 2: p.Insert(Math.Min(i, p.Count), extra[k]); break;
                        case 3 when p.Count > 1: var moved = p[i]; p.RemoveAt(i); p.Insert(where[(k + 1) % where.Length] % (p.Count + 1), moved); break;
                    }
                }
                return (b, p);
            });

    [Fact]
    public void Any_base_and_proposal_give_changes_that_apply_to_the_proposal_exactly() =>
        Edited.Sample(t =>
        {
            var changes = ProposalDerivation.Derive(t.Base, t.Proposal, "r");
            Assert.Equal(t.Proposal, ProvisionChanges.Apply(t.Base, changes));
            Assert.Empty(ProvisionChanges.Check(t.Base.Count, changes));
            if (t.Base.SequenceEqual(t.Proposal)) Assert.Empty(changes);
        }, iter: 500);

    [Fact]
    public void Unrelated_texts_pair_in_order_beyond_the_search_limit_and_still_apply_exactly()
    {
        var a = Enumerable.Range(0, 1_100).Select(i => $"base paragraph {i}").ToList();
        var b = Enumerable.Range(0, 1_000).Select(i => $"new text {i} entirely").ToList();
        var changes = ProposalDerivation.Derive(a, b, "r");
        Assert.Equal(b, ProvisionChanges.Apply(a, changes));
    }

    // ------------------------------------------------------------------ handler

    private static async Task<int> InstrumentAsync(TestDatabase database, bool withBase)
    {
        await using var db = database.Context(Chair);
        db.Members.AddRange(
            new Member { Code = "MEX", Name = new LocalizedText("Mexico", "Mexique"), Kind = MemberKind.MemberState },
            new Member { Code = "USA", Name = new LocalizedText("United States", "États-Unis"), Kind = MemberKind.MemberState });
        await db.SaveChangesAsync(Ct);
        var instrument = await new CreateInstrument(db).HandleAsync(new CreateInstrument.Request(InstrumentKind.Resolution, "PP", "71",
            new Dictionary<string, string?> { ["en"] = "Strategic plan of the Union" }), Ct);
        if (withBase) await new CreateVersion(db).HandleAsync(new CreateVersion.Request(instrument.Id, "Rév. Dubaï, 2018", "fr", DemoDraftingTexts.Dubai, true), Ct);
        return instrument.Id;
    }

    private static ImportTrackedChanges Handler(Cadre.Core.Data.CadreDbContext db) => new(db, new SaveProposal(db));

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task A_delegate_imports_a_proposal_against_the_existing_base_and_the_proposed_text_is_exactly_the_documents(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var instrumentId = await InstrumentAsync(database, withBase: true);
        await using var db = database.Context(Mexico);
        var request = new ImportTrackedChanges.Request(instrumentId, "fr", DemoDraftingTexts.Dubai, DemoDraftingTexts.Bucharest, Title: "Bucarest", SupReason: "Supprimé.");

        var plan = await Handler(db).PreviewAsync(request, Ct);
        Assert.False(plan.CreatesBase);
        Assert.True(plan.CreatesProposal);
        Assert.Equal(0, await db.Proposals.CountAsync(Ct));

        var result = await Handler(db).HandleAsync(request, Ct);
        Assert.False(result.BaseCreated);
        var view = (await new DraftingQueries(db).GetProposalAsync(result.Proposal!.Id, Ct))!;
        Assert.Equal("MEX", view.Proposal.MemberCode);
        Assert.Equal(ProposalStatus.Draft, view.Proposal.Status);
        Assert.Equal(DraftingText.Paragraphs(DemoDraftingTexts.Bucharest), view.ProposedParagraphs);
        Assert.Equal(1, await db.InstrumentVersions.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task A_new_base_is_created_only_by_the_secretariat_and_a_refused_import_stores_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var instrumentId = await InstrumentAsync(database, withBase: false);
        var request = new ImportTrackedChanges.Request(instrumentId, "fr", DemoDraftingTexts.Dubai, DemoDraftingTexts.Bucharest, Title: "Bucarest");

        await using (var db = database.Context(Mexico))
        {
            var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler(db).HandleAsync(request with { SupReason = "x" }, Ct));
            Assert.Contains("file", refused.Errors.Keys);
            // Missing reason for the SUPs: refused as well, nothing half-stored.
            Assert.Contains("supReason", (await Assert.ThrowsAsync<ValidationFailedException>(() => Handler(db).HandleAsync(request, Ct))).Errors.Keys);
        }
        var hybrid = new FixedActor("chair.mex@test", "u-cm", [Roles.Chair, Roles.Delegate], "MEX");
        await using (var db = database.Context(hybrid))
        {
            // The secretariat must name the new version.
            Assert.Contains("baseLabel", (await Assert.ThrowsAsync<ValidationFailedException>(() => Handler(db).HandleAsync(request with { SupReason = "x" }, Ct))).Errors.Keys);
            Assert.Equal(0, await db.InstrumentVersions.CountAsync(Ct));
            // An unknown co-signer fails inside the proposal's own handler, after the base was added: the transaction takes both back.
            await Assert.ThrowsAsync<ValidationFailedException>(() => Handler(db).HandleAsync(request with { SupReason = "x", BaseLabel = "Rév. Dubaï, 2018", CoSigners = ["ZZZ"] }, Ct));
        }
        await using (var db = database.Context(Chair))
        {
            Assert.Equal(0, await db.InstrumentVersions.CountAsync(Ct));
            Assert.Equal(0, await db.Proposals.CountAsync(Ct));
            // A Chair without a Member imports the base only.
            var result = await Handler(db).HandleAsync(request with { BaseLabel = "Rév. Dubaï, 2018" }, Ct);
            Assert.True(result.BaseCreated);
            Assert.Null(result.Proposal);
            var version = await db.InstrumentVersions.SingleAsync(Ct);
            Assert.True(version.IsPublished);
            Assert.Equal(DraftingText.Normalize(DemoDraftingTexts.Dubai), version.Text);
        }
        await using (var db = database.Context(Usa))
        {
            var result = await Handler(db).HandleAsync(request with { SupReason = "x" }, Ct);
            Assert.False(result.BaseCreated);
            Assert.Equal("USA", result.Proposal!.MemberCode);
        }
    }

    // ------------------------------------------------------------------ contributions to meetings

    private static async Task<(int Proposal, int OnTime, int PastDeadline)> MeetingsAsync(TestDatabase database)
    {
        var instrumentId = await InstrumentAsync(database, withBase: true);
        int onTime, late;
        await using (var db = database.Context(Chair))
        {
            var pp = new Body { Code = "PP", Kind = BodyKind.Conference, Name = new LocalizedText("Plenipotentiary Conference"), Membership = MembershipRule.OpenToSector };
            var other = new Body { Code = "CWG", Kind = BodyKind.AdvisoryGroupWorkingGroup, Name = new LocalizedText("Other") };
            var m1 = new Meeting { Body = pp, Title = new LocalizedText("PP-30"), StartUtc = new DateTime(2030, 9, 1, 8, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2030, 9, 20, 8, 0, 0, DateTimeKind.Utc) };
            var m2 = new Meeting { Body = pp, Title = new LocalizedText("PP-34"), StartUtc = new DateTime(2034, 9, 1, 8, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2034, 9, 20, 8, 0, 0, DateTimeKind.Utc) };
            var m3 = new Meeting { Body = other, Title = new LocalizedText("Other"), StartUtc = new DateTime(2030, 9, 1, 8, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2030, 9, 2, 8, 0, 0, DateTimeKind.Utc) };
            db.AddRange(pp, other, m1, m2, m3);
            await db.SaveChangesAsync(Ct);
            // m2's contribution deadline has passed already.
            db.Add(new WorkItem { BodyId = pp.Id, MeetingId = m2.Id, Kind = WorkItemKind.ContributionDeadline, DueOn = new DateOnly(2020, 1, 1), Title = new LocalizedText("Due") });
            await db.SaveChangesAsync(Ct);
            (onTime, late) = (m1.Id, m2.Id);
            var choices = await new DraftingQueries(db).UpcomingMeetingsAsync(await db.InstrumentVersions.Include(v => v.Instrument).SingleAsync(Ct), Ct);
            Assert.Equal([m1.Id, m2.Id], choices.Select(c => c.Id));
        }
        await using (var db = database.Context(Mexico))
        {
            var result = await Handler(db).HandleAsync(new ImportTrackedChanges.Request(instrumentId, "fr", DemoDraftingTexts.Dubai, DemoDraftingTexts.Bucharest, Title: "Bucarest", SupReason: "x"), Ct);
            return (result.Proposal!.Id, onTime, late);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task A_delegate_submits_a_proposal_to_an_upcoming_meeting_as_a_contribution_linked_both_ways(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (proposalId, meetingId, _) = await MeetingsAsync(database);
        await using (var db = database.Context(Usa))
        {
            await Assert.ThrowsAsync<NotFoundException>(() => Submitter(db).HandleAsync(new SubmitProposalToMeeting.Request(proposalId, null, meetingId), Ct));
        }
        await using (var db = database.Context(Mexico))
        {
            var (proposal, contribution) = await Submitter(db).HandleAsync(new SubmitProposalToMeeting.Request(proposalId, null, meetingId), Ct);
            Assert.Equal(ProposalStatus.Submitted, proposal.Status);
            Assert.Equal(contribution.Id, proposal.ContributionId);
            Assert.Equal(ContributionStatus.Submitted, contribution.Status);
            Assert.Equal(meetingId, contribution.MeetingId);

            var queries = new DraftingQueries(db);
            var linked = (await queries.GetContributionAsync(proposal, Ct))!;
            Assert.Equal(meetingId, linked.MeetingId);
            Assert.Equal("PP", linked.BodyCode);
            Assert.Equal(proposalId, (await queries.ProposalsOfContributionsAsync([contribution.Id], Ct))[contribution.Id]);
            var stored = await db.Contributions.Include(c => c.Proposals).SingleAsync(Ct);
            Assert.NotEmpty(stored.Proposals);
            Assert.StartsWith("MOD", stored.Proposals.OrderBy(p => p.Number).First().Text, StringComparison.Ordinal);
            // Once linked, not again.
            await Assert.ThrowsAsync<ValidationFailedException>(() => Submitter(db).HandleAsync(new SubmitProposalToMeeting.Request(proposalId, null, meetingId), Ct));
        }
        await using (var db = database.Context(Usa))
        {
            // Another Member's Delegate does not get a link to a proposal they cannot read.
            Assert.Empty(await new DraftingQueries(db).ProposalsOfContributionsAsync([1], Ct));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task Past_the_meetings_deadline_or_to_another_bodys_meeting_a_delegate_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (proposalId, _, late) = await MeetingsAsync(database);
        await using var db = database.Context(Mexico);
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Submitter(db).HandleAsync(new SubmitProposalToMeeting.Request(proposalId, null, late), Ct));
        Assert.Contains("deadline", error.Errors.Keys);
        var otherBody = await db.Set<Meeting>().Where(m => m.Body!.Code == "CWG").Select(m => m.Id).SingleAsync(Ct);
        Assert.Contains("meetingId", (await Assert.ThrowsAsync<ValidationFailedException>(() => Submitter(db).HandleAsync(new SubmitProposalToMeeting.Request(proposalId, null, otherBody), Ct))).Errors.Keys);
        db.ChangeTracker.Clear();
        Assert.Equal(0, await db.Contributions.CountAsync(Ct));
        var proposal = await db.Proposals.SingleAsync(Ct);
        Assert.Null(proposal.ContributionId);
        Assert.Equal(ProposalStatus.Draft, proposal.Status);
    }

    private static SubmitProposalToMeeting Submitter(Cadre.Core.Data.CadreDbContext db) => new(db, new SaveContribution(db), new SubmitContribution(db));
}

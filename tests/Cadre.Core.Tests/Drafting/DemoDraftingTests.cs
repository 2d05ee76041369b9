using Cadre.Core.Demo;
using Cadre.Core.Drafting;
using Cadre.Core.Governance.Contributions;
using Cadre.Core.Tests.Demo;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Cadre.Core.Tests.Drafting;

public sealed class DemoDraftingTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_proposal_of_one_member_is_a_contribution_to_the_working_groups_upcoming_meeting()
    {
        await using var db = demo.NewContext();
        var proposal = await db.Proposals.AsNoTracking().SingleAsync(p => p.MemberCode == DemoDrafting.FirstMember, Ct);
        Assert.NotNull(proposal.ContributionId);
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
        var contribution = await db.Contributions.AsNoTracking().Include(c => c.LeadMember).Include(c => c.Proposals)
            .SingleAsync(c => c.Id == proposal.ContributionId, Ct);
        Assert.Equal(ContributionStatus.Submitted, contribution.Status);
        Assert.Equal(DemoDrafting.FirstMember, contribution.LeadMember!.Code);
        Assert.False(contribution.IsLate);
        Assert.Equal(DemoDraftingTexts.BucharestChanges.Count, contribution.Proposals.Count);

        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Body).Include(m => m.Agenda).SingleAsync(m => m.Id == contribution.MeetingId, Ct);
        Assert.Equal(DemoGovernance.WgSop, meeting.Body!.Code);
        Assert.InRange(meeting.StartUtc, db.UtcNow.AddDays(40), db.UtcNow.AddDays(43));
        Assert.True(meeting.EndUtc > meeting.StartUtc);
        Assert.False(string.IsNullOrEmpty(meeting.Title.En));
        Assert.False(string.IsNullOrEmpty(meeting.Title.Fr));
        Assert.NotEmpty(meeting.Agenda);
        Assert.All(meeting.Agenda, i => Assert.False(string.IsNullOrEmpty(i.Title.Fr)));
        // The other Member's proposal stays unlinked, and the demo's past meetings are still the latest past ones.
        Assert.Null((await db.Proposals.AsNoTracking().SingleAsync(p => p.MemberCode == DemoDrafting.SecondMember, Ct)).ContributionId);
        var now = db.UtcNow;
        Assert.Equal(1, await db.Meetings.CountAsync(m => m.StartUtc > now, Ct));
    }
}

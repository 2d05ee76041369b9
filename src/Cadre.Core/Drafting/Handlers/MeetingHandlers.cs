using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Contributions;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Drafting.Handlers;

/// <summary>
/// Submits a proposal as a contribution to an upcoming meeting: a Delegate of the proposing Member picks the meeting
/// (of the instrument's body when Governance knows that body); the contribution is written and submitted through
/// Governance's own handlers (<see cref="SaveContribution"/>, <see cref="SubmitContribution"/>), so their rules hold:
/// Delegates act for their own Member, and a Delegate cannot submit after the meeting's contribution deadline. The
/// contribution carries one proposal per change (or a summary beyond 30) and the proposal's co-signers. The proposal
/// is then submitted and linked to it. All in one transaction (the caller's, if one is open): on any refusal nothing is stored.
/// </summary>
public sealed class SubmitProposalToMeeting(CadreDbContext db, SaveContribution saveContribution, SubmitContribution submitContribution)
{
    public sealed record Request(int ProposalId, int? Version, int MeetingId);

    public async Task<(Proposal Proposal, Contribution Contribution)> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = db.Actor;
        if (!DraftingPermissions.CanPropose(actor)) throw new ForbiddenException(Messages.Get("Drafting.Error.DelegateOnly"));
        var proposal = await db.Proposals.Include(p => p.Revisions).FirstOrDefaultAsync(p => p.Id == request.ProposalId, ct);
        if (proposal is null || !DraftingPermissions.CanRead(actor, proposal))
            throw new NotFoundException(Messages.Format("Drafting.Error.NotFound.Proposal", request.ProposalId));
        if (!DraftingPermissions.CanEdit(actor, proposal)) throw new ForbiddenException(Messages.Format("Drafting.Error.OtherMember", proposal.MemberCode));
        db.ExpectVersion(proposal, request.Version);
        if (proposal.ContributionId is not null) throw new ValidationFailedException("meetingId", Messages.Get("Drafting.Meeting.AlreadyContributed"));

        var baseVersion = await db.InstrumentVersions.AsNoTracking().Include(v => v.Instrument).FirstAsync(v => v.Id == proposal.BaseVersionId, ct);
        var meeting = await db.Set<Meeting>().AsNoTracking().Include(m => m.Body).FirstOrDefaultAsync(m => m.Id == request.MeetingId, ct);
        var v = new Validation();
        if (meeting is null) v.Add("meetingId", Messages.Format("Error.Document.UnknownMeeting", request.MeetingId));
        else
        {
            if (meeting.StartUtc <= db.UtcNow) v.Add("meetingId", Messages.Get("Drafting.Meeting.NotUpcoming"));
            var bodyCode = baseVersion.Instrument?.Body ?? "";
            if (await db.Set<Body>().AnyAsync(b => b.Code == bodyCode, ct) && !string.Equals(meeting.Body?.Code, bodyCode, StringComparison.Ordinal))
                v.Add("meetingId", Messages.Format("Drafting.Meeting.OtherBody", bodyCode));
        }
        v.ThrowIfAny();

        var view = DraftingQueries.View(proposal, baseVersion);
        var name = DraftingDocuments.InstrumentName(baseVersion);
        var title = Truncate($"{name}: {proposal.Title}", ContributionsModel.TitleMaxLength);
        var summary = Truncate(Messages.Format("Drafting.Meeting.Summary", proposal.Id, name,
            view.Changes.Count(c => c.Action == ProvisionAction.Mod), view.Changes.Count(c => c.Action == ProvisionAction.Add),
            view.Changes.Count(c => c.Action == ProvisionAction.Sup), view.Changes.Count(c => c.Action == ProvisionAction.Noc)), ContributionsModel.SummaryMaxLength);
        var items = view.Changes.Count <= SaveContribution.MaxProposals
            ? view.Changes.Select(Describe).ToList()
            : [summary];

        // In the caller's transaction when there is one (the demo loader's), else in its own.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var contribution = await saveContribution.HandleAsync(new SaveContribution.Request(null, null, meeting!.BodyId, meeting.Id,
            new Dictionary<string, string?> { [baseVersion.Language] = title }, summary, items, proposal.CoSignerCodes), ct);
        contribution = await submitContribution.HandleAsync(new SubmitContribution.Request(contribution.Id, contribution.Version), ct);
        proposal.ContributionId = contribution.Id;
        if (proposal.Status == ProposalStatus.Draft)
        {
            proposal.Status = ProposalStatus.Submitted;
            proposal.SubmittedAtUtc = db.UtcNow;
        }
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return (proposal, contribution);

        static string Describe(ProvisionChange c)
        {
            var what = c.Action switch
            {
                ProvisionAction.Mod => Messages.Format("Drafting.Meeting.Mod", c.Provision, c.Text),
                ProvisionAction.Add => Messages.Format("Drafting.Meeting.Add", c.Provision, c.Text),
                ProvisionAction.Sup => Messages.Format("Drafting.Meeting.Sup", c.Provision, c.Reason),
                _ => Messages.Format("Drafting.Meeting.Noc", c.Provision, c.Reason),
            };
            return Truncate(what, ContributionsModel.ProposalMaxLength);
        }
    }

    private static string Truncate(string s, int max) => s.Length > max ? s[..(max - 1)] + "…" : s;
}

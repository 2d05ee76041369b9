using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Governance.Contributions;

/// <summary>Creates or changes a draft contribution, written by a Delegate for their own Member.</summary>
public sealed class SaveContribution(CadreDbContext db)
{
    public const int MaxProposals = 30;
    public const int MaxSigners = 50;

    public sealed record Request(
        int? Id,
        int? Version,
        int BodyId,
        int? MeetingId,
        IReadOnlyDictionary<string, string?> Title,
        string? Summary,
        IReadOnlyList<string> Proposals,
        IReadOnlyList<string>? CoSigners = null,
        string? Member = null);

    public async Task<Contribution> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = db.Actor;
        if (!ContributionRules.IsDelegate(actor)) throw new ForbiddenException(Messages.Get("Error.Contribution.DelegatesOnly"));
        if (request.Member is { Length: > 0 } forMember && !string.Equals(forMember.Trim(), actor.MemberCode, StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenException(Messages.Format("Error.Contribution.OtherMember", forMember.Trim()));
        }
        var memberId = await ContributionRules.ActorMemberIdAsync(db, ct)
            ?? throw new ForbiddenException(Messages.Get("Error.Contribution.DelegatesOnly"));

        Contribution? contribution = null;
        if (request.Id is int id)
        {
            contribution = await db.Contributions.Include(c => c.Signers).Include(c => c.Proposals).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (contribution is null || contribution.Signers.All(s => s.MemberId != memberId))
            {
                throw new NotFoundException(Messages.Format("Error.NotFound.Contribution", id));
            }
            if (contribution.LeadMemberId != memberId) throw new ForbiddenException(Messages.Get("Error.Contribution.LeadOnly"));
            db.ExpectVersion(contribution, request.Version);
            if (contribution.Status != ContributionStatus.Draft) throw new ValidationFailedException("status", Messages.Get("Error.Contribution.NotDraft"));
        }

        var v = new Validation();
        var title = new LocalizedText();
        foreach (var (lang, value) in request.Title ?? new Dictionary<string, string?>())
        {
            if (!LocalizedText.IsSupported(lang)) v.Add("title", Messages.Format("Error.UnknownLanguage", lang));
            else if (value is not null && value.Trim().Length > ContributionsModel.TitleMaxLength) v.Add($"title.{lang}", Messages.Format("Error.TooLong", ContributionsModel.TitleMaxLength));
            else title[lang] = value;
        }
        if (title.IsEmpty) v.Add("title", Messages.Get("Error.TitleRequired"));
        v.MaxLength("summary", request.Summary, ContributionsModel.SummaryMaxLength);
        var proposals = (request.Proposals ?? []).Select(p => p?.Trim() ?? "").ToList();
        if (proposals.Count == 0) v.Add("proposals", Messages.Get("Error.Contribution.NoProposal"));
        if (proposals.Count > MaxProposals) v.Add("proposals", Messages.Format("Error.Contribution.TooManyProposals", MaxProposals));
        for (var i = 0; i < proposals.Count; i++)
        {
            if (proposals[i].Length == 0) v.Add($"proposals[{i}]", Messages.Get("Error.Required"));
            else if (proposals[i].Length > ContributionsModel.ProposalMaxLength) v.Add($"proposals[{i}]", Messages.Format("Error.TooLong", ContributionsModel.ProposalMaxLength));
        }
        var coCodes = (request.CoSigners ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0 && c != actor.MemberCode!.ToUpperInvariant()).Distinct().ToList();
        if (coCodes.Count > MaxSigners) v.Add("coSigners", Messages.Format("Error.Contribution.TooManySigners", MaxSigners));
        var coMembers = await db.Members.Where(m => coCodes.Contains(m.Code)).Select(m => new { m.Id, m.Code }).ToListAsync(ct);
        foreach (var unknown in coCodes.Where(c => coMembers.All(m => m.Code != c))) v.Add("coSigners", Messages.Format("Error.Document.UnknownMember", unknown));

        var body = await db.Set<Body>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == request.BodyId, ct);
        if (body is null) v.Add("bodyId", Messages.Format("Error.Document.UnknownBody", request.BodyId));
        if (request.MeetingId is int meetingId)
        {
            var meetingBody = await db.Set<Meeting>().Where(m => m.Id == meetingId).Select(m => (int?)m.BodyId).FirstOrDefaultAsync(ct);
            if (meetingBody is null) v.Add("meetingId", Messages.Format("Error.Document.UnknownMeeting", meetingId));
            else if (meetingBody != request.BodyId) v.Add("meetingId", Messages.Get("Error.Document.MeetingOfOtherBody"));
        }
        else if (body is { WorksByCorrespondence: false })
        {
            v.Add("meetingId", Messages.Format("Error.Contribution.NoCorrespondence", body.Code));
        }
        v.ThrowIfAny();

        var deadline = await ContributionRules.DeadlineAsync(db, request.BodyId, request.MeetingId, ct);
        if (contribution is null)
        {
            contribution = new Contribution { LeadMemberId = memberId, Status = ContributionStatus.Draft, CreatedAtUtc = db.UtcNow };
            db.Contributions.Add(contribution);
        }
        contribution.Title = title;
        contribution.Summary = string.IsNullOrWhiteSpace(request.Summary) ? null : request.Summary.Trim();
        contribution.BodyId = request.BodyId;
        contribution.MeetingId = request.MeetingId;
        contribution.DeadlineUtc = deadline;
        var wanted = coMembers.Select(m => m.Id).Append(memberId).ToHashSet();
        contribution.Signers.RemoveAll(s => !wanted.Contains(s.MemberId));
        foreach (var m in wanted.Where(m => contribution.Signers.All(s => s.MemberId != m))) contribution.Signers.Add(new ContributionSigner { MemberId = m });
        for (var i = 0; i < proposals.Count; i++)
        {
            if (i < contribution.Proposals.Count)
            {
                var existing = contribution.Proposals.OrderBy(p => p.Number).ElementAt(i);
                existing.Text = proposals[i];
            }
            else
            {
                contribution.Proposals.Add(new ContributionProposal { Number = i + 1, Text = proposals[i], Outcome = ProposalOutcome.Pending });
            }
        }
        foreach (var extra in contribution.Proposals.Where(p => p.Number > proposals.Count).ToList()) contribution.Proposals.Remove(extra);
        await db.SaveChangesAsync(ct);
        return contribution;
    }
}

/// <summary>
/// Submits a draft: a Delegate of its lead Member before the deadline; after the deadline only a Chair
/// may accept it, and it is marked late. A late submission by a Delegate is refused and nothing changes.
/// </summary>
public sealed class SubmitContribution(CadreDbContext db)
{
    public sealed record Request(int Id, int? Version);

    public async Task<Contribution> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var visible = await ContributionRules.VisibleAsync(db, ct);
        var contribution = await visible.Include(c => c.Signers).FirstOrDefaultAsync(c => c.Id == request.Id, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Contribution", request.Id));
        var actor = db.Actor;
        var memberId = await ContributionRules.ActorMemberIdAsync(db, ct);
        var isLeadDelegate = ContributionRules.IsDelegate(actor) && memberId == contribution.LeadMemberId;
        var isChair = ContributionRules.IsChair(actor);
        if (!isLeadDelegate && !isChair) throw new ForbiddenException(Messages.Get("Error.Contribution.SubmitWho"));
        db.ExpectVersion(contribution, request.Version);
        if (contribution.Status != ContributionStatus.Draft) throw new ValidationFailedException("status", Messages.Get("Error.Contribution.NotDraft"));

        var deadline = await ContributionRules.DeadlineAsync(db, contribution.BodyId, contribution.MeetingId, ct);
        var now = db.UtcNow;
        var late = deadline is DateTime d && now > d;
        if (late && !isChair)
        {
            throw new ValidationFailedException("deadline", Messages.Format("Error.Contribution.Late", deadline!.Value.ToString("u", System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (!late && !isLeadDelegate) throw new ForbiddenException(Messages.Get("Error.Contribution.SubmitWho"));
        contribution.DeadlineUtc = deadline;
        contribution.Status = ContributionStatus.Submitted;
        contribution.SubmittedAtUtc = now;
        contribution.IsLate = late;
        contribution.AcceptedLateBy = late ? actor.Name : null;
        await db.SaveChangesAsync(ct);
        return contribution;
    }
}

/// <summary>The Chair records the outcome of one proposal of a submitted contribution.</summary>
public sealed class RecordOutcome(CadreDbContext db)
{
    public sealed record Request(int ContributionId, int ProposalId, int? Version, ProposalOutcome Outcome, bool? ByConsensus, string? Note);

    public async Task<ContributionProposal> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ContributionRules.IsChair(db.Actor)) throw new ForbiddenException(Messages.Get("Error.Contribution.ChairOnly"));
        var contribution = await db.Contributions.Include(c => c.Proposals).FirstOrDefaultAsync(c => c.Id == request.ContributionId, ct);
        var proposal = contribution?.Proposals.FirstOrDefault(p => p.Id == request.ProposalId);
        if (contribution is null || proposal is null || (contribution.Status == ContributionStatus.Draft && !(contribution.DeadlineUtc < db.UtcNow)))
        {
            throw new NotFoundException(Messages.Format("Error.NotFound.Proposal", request.ProposalId));
        }
        db.ExpectVersion(proposal, request.Version);
        var v = new Validation();
        if (contribution.Status != ContributionStatus.Submitted) v.Add("status", Messages.Get("Error.Contribution.NotSubmitted"));
        if (!Enum.IsDefined(request.Outcome)) v.Add("outcome", Messages.Get("Error.Contribution.Outcome"));
        if (request.Outcome != ProposalOutcome.Pending && request.ByConsensus is null) v.Add("byConsensus", Messages.Get("Error.Contribution.ConsensusRequired"));
        v.MaxLength("note", request.Note, ContributionsModel.NoteMaxLength);
        v.ThrowIfAny();
        proposal.Outcome = request.Outcome;
        proposal.ByConsensus = request.Outcome == ProposalOutcome.Pending ? null : request.ByConsensus;
        proposal.OutcomeNote = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        proposal.OutcomeAtUtc = request.Outcome == ProposalOutcome.Pending ? null : db.UtcNow;
        proposal.OutcomeBy = request.Outcome == ProposalOutcome.Pending ? null : db.Actor.Name;
        await db.SaveChangesAsync(ct);
        return proposal;
    }
}

/// <summary>Deletes a draft contribution: a Delegate of its lead Member only. A submitted contribution is withdrawn, not deleted.</summary>
public sealed class DeleteContribution(CadreDbContext db)
{
    public sealed record Request(int Id, int? Version);

    public async Task HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contribution = await LeadDraftAsync(db, request.Id, ct);
        db.ExpectVersion(contribution, request.Version);
        if (contribution.Status != ContributionStatus.Draft) throw new ValidationFailedException("status", Messages.Get("Error.Contribution.NotDraft"));
        db.Contributions.Remove(contribution);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The contribution, if the actor is a Delegate of its lead Member (404 if they cannot see it, 403 if a co-signer).</summary>
    internal static async Task<Contribution> LeadDraftAsync(CadreDbContext db, int id, CancellationToken ct)
    {
        if (!ContributionRules.IsDelegate(db.Actor)) throw new ForbiddenException(Messages.Get("Error.Contribution.DelegatesOnly"));
        var memberId = await ContributionRules.ActorMemberIdAsync(db, ct)
            ?? throw new ForbiddenException(Messages.Get("Error.Contribution.DelegatesOnly"));
        var contribution = await db.Contributions.Include(c => c.Signers).Include(c => c.Proposals).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contribution is null || (contribution.Status == ContributionStatus.Draft && contribution.Signers.All(s => s.MemberId != memberId)))
        {
            throw new NotFoundException(Messages.Format("Error.NotFound.Contribution", id));
        }
        if (contribution.LeadMemberId != memberId) throw new ForbiddenException(Messages.Get("Error.Contribution.LeadOnly"));
        return contribution;
    }
}

/// <summary>
/// Withdraws a submitted contribution back to a draft: a Delegate of its lead Member, before the deadline and before
/// the Chair has recorded any outcome.
/// </summary>
public sealed class WithdrawContribution(CadreDbContext db)
{
    public sealed record Request(int Id, int? Version);

    public async Task<Contribution> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contribution = await DeleteContribution.LeadDraftAsync(db, request.Id, ct);
        db.ExpectVersion(contribution, request.Version);
        if (contribution.Status != ContributionStatus.Submitted) throw new ValidationFailedException("status", Messages.Get("Error.Contribution.NotSubmitted.Withdraw"));
        if (contribution.Proposals.Any(p => p.Outcome != ProposalOutcome.Pending)) throw new ValidationFailedException("status", Messages.Get("Error.Contribution.WithdrawDecided"));
        var deadline = await ContributionRules.DeadlineAsync(db, contribution.BodyId, contribution.MeetingId, ct);
        if (deadline is DateTime d && db.UtcNow > d)
        {
            throw new ValidationFailedException("deadline", Messages.Format("Error.Contribution.WithdrawLate", d.ToString("u", System.Globalization.CultureInfo.InvariantCulture)));
        }
        contribution.Status = ContributionStatus.Draft;
        contribution.SubmittedAtUtc = null;
        contribution.IsLate = false;
        contribution.AcceptedLateBy = null;
        await db.SaveChangesAsync(ct);
        return contribution;
    }
}

using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Drafting.Handlers;

/// <summary>
/// Creates a proposal (no <see cref="Request.ProposalId"/>) or saves a new revision of a draft one. Only a
/// Delegate of the proposing Member, only against a published version; every save is a new immutable revision.
/// </summary>
public sealed class SaveProposal(CadreDbContext db)
{
    public sealed record Request(
        int? ProposalId,
        int? Version,
        int BaseVersionId,
        string? MemberCode,
        IReadOnlyList<string>? CoSigners,
        string Title,
        IReadOnlyList<ProvisionChange> Changes);

    public async Task<Proposal> HandleAsync(Request request, CancellationToken ct = default)
    {
        var actor = db.Actor;
        if (!DraftingPermissions.CanPropose(actor)) throw new ForbiddenException(Messages.Get("Drafting.Error.DelegateOnly"));
        var memberCode = string.IsNullOrWhiteSpace(request.MemberCode) ? actor.MemberCode! : request.MemberCode.Trim();
        if (!string.Equals(memberCode, actor.MemberCode, StringComparison.Ordinal))
            throw new ForbiddenException(Messages.Format("Drafting.Error.OtherMember", memberCode));

        Proposal? proposal = null;
        if (request.ProposalId is int id)
        {
            proposal = await db.Proposals.Include(p => p.Revisions).FirstOrDefaultAsync(p => p.Id == id, ct)
                ?? throw new NotFoundException(Messages.Format("Drafting.Error.NotFound.Proposal", id));
            if (!DraftingPermissions.CanRead(actor, proposal)) throw new NotFoundException(Messages.Format("Drafting.Error.NotFound.Proposal", id));
            if (!DraftingPermissions.CanEdit(actor, proposal)) throw new ForbiddenException(Messages.Format("Drafting.Error.OtherMember", proposal.MemberCode));
            db.ExpectVersion(proposal, request.Version);
            if (proposal.Status != ProposalStatus.Draft) throw new ValidationFailedException("status", Messages.Get("Drafting.Error.ProposalSubmitted"));
        }

        var baseId = proposal?.BaseVersionId ?? request.BaseVersionId;
        var baseVersion = await db.InstrumentVersions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == baseId, ct);
        if (baseVersion is null || !DraftingPermissions.CanRead(actor, baseVersion))
            throw new NotFoundException(Messages.Format("Drafting.Error.NotFound.Version", baseId));

        var v = new Validation();
        if (!baseVersion.IsPublished) v.Add("baseVersionId", Messages.Get("Drafting.Error.BaseNotPublished"));
        v.Require("title", request.Title, 300);
        var coSigners = (request.CoSigners ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        coSigners.Remove(memberCode);
        if (coSigners.Count > 0)
        {
            var known = await db.Members.Where(m => coSigners.Contains(m.Code)).Select(m => m.Code).ToListAsync(ct);
            foreach (var unknown in coSigners.Except(known, StringComparer.Ordinal))
                v.Add("coSigners", Messages.Format("Drafting.Error.UnknownMember", unknown));
        }
        var changes = request.Changes ?? [];
        if (changes.Count == 0) v.Add("changes", Messages.Get("Drafting.Error.NoChanges"));
        foreach (var (field, message) in ProvisionChanges.Check(baseVersion.Paragraphs.Count, changes)) v.Add(field, message);
        v.ThrowIfAny();

        var now = db.UtcNow;
        if (proposal is null)
        {
            proposal = new Proposal
            {
                BaseVersionId = baseVersion.Id,
                MemberCode = memberCode,
                Status = ProposalStatus.Draft,
                CreatedBy = actor.Name,
                CreatedAtUtc = now,
            };
            db.Proposals.Add(proposal);
        }
        proposal.Title = request.Title.Trim();
        proposal.CoSigners = string.Join(',', coSigners);
        var normalized = changes
            .Select(c => c with { Text = c.Text is null ? null : DraftingText.Normalize(c.Text), Reason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim() })
            .OrderBy(c => c.Provision).ThenBy(c => c.Action == ProvisionAction.Add ? 1 : 0)
            .ToList();
        proposal.Revisions.Add(new ProposalRevision
        {
            Number = proposal.Revisions.Count + 1,
            Author = actor.Name,
            CreatedAtUtc = now,
            ChangesJson = ProvisionChanges.ToJson(normalized),
        });
        // A new revision changes the proposal: its concurrency token goes up.
        if (proposal.Id != 0) db.Entry(proposal).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return proposal;
    }
}

/// <summary>Submits a draft proposal as a contribution; from then on it is read-only and the secretariat may compile it.</summary>
public sealed class SubmitProposal(CadreDbContext db)
{
    public sealed record Request(int ProposalId, int? Version);

    public async Task<Proposal> HandleAsync(Request request, CancellationToken ct = default)
    {
        if (!DraftingPermissions.CanPropose(db.Actor)) throw new ForbiddenException(Messages.Get("Drafting.Error.DelegateOnly"));
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == request.ProposalId, ct);
        if (proposal is null || !DraftingPermissions.CanRead(db.Actor, proposal))
            throw new NotFoundException(Messages.Format("Drafting.Error.NotFound.Proposal", request.ProposalId));
        if (!DraftingPermissions.CanEdit(db.Actor, proposal)) throw new ForbiddenException(Messages.Format("Drafting.Error.OtherMember", proposal.MemberCode));
        db.ExpectVersion(proposal, request.Version);
        if (proposal.Status != ProposalStatus.Draft) throw new ValidationFailedException("status", Messages.Get("Drafting.Error.ProposalSubmitted"));
        proposal.Status = ProposalStatus.Submitted;
        proposal.SubmittedAtUtc = db.UtcNow;
        await db.SaveChangesAsync(ct);
        return proposal;
    }
}

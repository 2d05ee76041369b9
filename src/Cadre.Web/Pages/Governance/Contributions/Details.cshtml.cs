using Cadre.Web.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance.Contributions;
using Cadre.Web.Pages.Governance.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Governance.Contributions;

/// <summary>
/// A contribution with its proposals. A Delegate of the lead Member edits and submits the draft before the deadline;
/// after it the Chair may accept it (marked late). The Chair records each proposal's outcome.
/// </summary>
public sealed class DetailsModel(ContributionQueries queries, CadreDbContext db) : DocumentsPageModel
{
    public ContributionDetail Contribution { get; private set; } = null!;
    public (int Id, string Title)? Meeting { get; private set; }
    public string? DocumentSymbol { get; private set; }
    public bool DeadlinePassed { get; private set; }

    public bool IsLeadDelegate => ContributionRules.IsDelegate(Actor) && string.Equals(Actor.MemberCode, Contribution.LeadMember, StringComparison.OrdinalIgnoreCase);
    public bool IsChair => ContributionRules.IsChair(Actor);
    public bool IsDraft => Contribution.Status == ContributionStatus.Draft;
    public bool CanSubmit => IsDraft && ((IsLeadDelegate && !DeadlinePassed) || (IsChair && DeadlinePassed));
    public bool CanRecordOutcomes => IsChair && !IsDraft;
    public bool CanWithdraw => IsLeadDelegate && (IsDraft || (!DeadlinePassed && Contribution.Proposals.All(p => p.Outcome == ProposalOutcome.Pending)));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } c) return false;
        Contribution = c;
        if (c.MeetingId is int m)
        {
            var title = await db.Meetings.AsNoTracking().Where(x => x.Id == m).Select(x => x.Title).FirstOrDefaultAsync(ct);
            if (title is not null) Meeting = (m, title.Local());
        }
        if (c.DocumentId is int d) DocumentSymbol = await db.Documents.AsNoTracking().Where(x => x.Id == d).Select(x => x.Symbol).FirstOrDefaultAsync(ct);
        var deadline = await ContributionRules.DeadlineAsync(db, c.BodyId, c.MeetingId, ct);
        DeadlinePassed = deadline is DateTime dl && db.UtcNow > dl;
        return true;
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, int? version, [FromServices] SubmitContribution submit, CancellationToken ct)
    {
        try
        {
            var c = await submit.HandleAsync(new SubmitContribution.Request(id, version), ct);
            Flash(c.IsLate ? D("Contribution.AcceptedLate") : D("Contribution.Submitted"));
            return Redirect($"/Governance/Contributions/{id}");
        }
        catch (CadreException ex)
        {
            return await FailedAsync(id, ex, ct);
        }
    }

    public async Task<IActionResult> OnPostOutcomeAsync(int id, int proposalId, int? version, ProposalOutcome outcome, bool? byConsensus, string? note,
        [FromServices] RecordOutcome record, CancellationToken ct)
    {
        try
        {
            var p = await record.HandleAsync(new RecordOutcome.Request(id, proposalId, version, outcome, byConsensus, note), ct);
            Flash(D("Outcome.Saved", p.Number));
            return Redirect($"/Governance/Contributions/{id}#proposal-{p.Number}");
        }
        catch (CadreException ex)
        {
            return await FailedAsync(id, ex, ct);
        }
    }

    private async Task<IActionResult> FailedAsync(int id, CadreException ex, CancellationToken ct)
    {
        ModelState.Clear();
        var result = FailAtTop(ex);
        if (result is not null) return result;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }
}

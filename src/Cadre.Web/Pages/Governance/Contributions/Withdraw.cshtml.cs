using Cadre.Web.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Governance.Contributions;
using Cadre.Web.Pages.Governance.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance.Contributions;

/// <summary>
/// Confirms, then deletes a draft or withdraws a submitted contribution back to a draft (a Delegate of the lead
/// Member; a submitted one only before the deadline and before any outcome).
/// </summary>
[Authorize]
public sealed class WithdrawModel(ContributionQueries queries) : DocumentsPageModel
{
    public ContributionDetail Contribution { get; private set; } = null!;
    public bool IsDraft => Contribution.Status == ContributionStatus.Draft;

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (!ContributionRules.IsDelegate(Actor)) return Refuse();
        if (await queries.GetAsync(id, ct) is not { } c) return NotFound();
        if (!string.Equals(c.LeadMember, Actor.MemberCode, StringComparison.OrdinalIgnoreCase)) return Refuse();
        Contribution = c;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int? version, [FromServices] DeleteContribution delete, [FromServices] WithdrawContribution withdraw, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        try
        {
            if (IsDraft)
            {
                await delete.HandleAsync(new DeleteContribution.Request(id, version), ct);
                Flash(D("Withdraw.Deleted", Contribution.Title.Local()));
                return Redirect("/Governance/Contributions");
            }
            await withdraw.HandleAsync(new WithdrawContribution.Request(id, version), ct);
            Flash(D("Withdraw.Withdrawn"));
            return Redirect($"/Governance/Contributions/{id}");
        }
        catch (CadreException ex)
        {
            return FailAtTop(ex) ?? Page();
        }
    }
}

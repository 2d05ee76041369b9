using Cadre.Core.Common;
using Cadre.Core.Results;
using Cadre.Core.Results.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Results.Values;

/// <summary>A Validator rejects a provisional value, with the reason the Reporter will read.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Validator)]
public sealed class RejectModel(RejectValue reject) : ValuePageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Value.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ResultsPermissions.CanDecide(Actor, Indicator)) return Refuse();
        try
        {
            await reject.HandleAsync(new RejectValue.Request(id, Reason ?? "", Version), ct);
            Flash(RText("Value.Rejected", Value.Period));
            return Redirect($"/Results/Indicators/{Indicator.Id}#values");
        }
        catch (CadreException ex)
        {
            if (ex is ConcurrencyConflictException) Version = Value.Version;
            if (ex is ValidationFailedException v && v.Errors.Keys.Any(k => k != "reason")) return FailAtTop(ex) ?? Page();
            return Fail(ex) ?? Page();
        }
    }
}

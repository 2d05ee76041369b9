using Cadre.Core.Common;
using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Operational;

/// <summary>Sets the responsible unit, amount (CHF thousands) and staff-days of an operational output or activity.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class ResourcesModel(FinanceQueries queries, SaveOutputResource save) : FinancePageModel
{
    public PlanRef Plan { get; private set; } = null!;
    public OutputResourceView Element { get; private set; } = null!;

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public string? ResponsibleUnit { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? StaffDays { get; set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await queries.GetOutputResourceAsync(id, ct);
        if (found is null) return false;
        (Plan, Element) = found.Value;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Element.ResourceVersion;
        ResponsibleUnit = Element.ResponsibleUnit ?? Plan.OwnerUnit;
        Amount = KInput(Element.Amount);
        StaffDays = Element.StaffDays.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        var amount = ParseNumber(Amount);
        if (amount is null) ModelState.AddModelError(nameof(Amount), Text("Form.NotANumber", Amount ?? ""));
        var days = ParseNumber(StaffDays);
        if (days is null) ModelState.AddModelError(nameof(StaffDays), Text("Form.NotANumber", StaffDays ?? ""));
        if (!ModelState.IsValid) return Page();
        try
        {
            await save.HandleAsync(new SaveOutputResource.Request(id, Version, ResponsibleUnit ?? "", amount!.Value * 1000m, days!.Value), ct);
            Flash(Text("Resources.Saved", Element.Code));
            return Redirect($"/Finance/Operational/{Plan.Id}");
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex, field => field switch
            {
                "responsibleUnit" => nameof(ResponsibleUnit),
                "amount" => nameof(Amount),
                "staffDays" => nameof(StaffDays),
                _ => null,
            });
            return Page();
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? Page();
        }
    }
}

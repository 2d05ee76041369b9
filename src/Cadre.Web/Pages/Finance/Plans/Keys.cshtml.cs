using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Plans;

/// <summary>Edits one unit's attribution keys: a percentage or a driver value per element.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class KeysModel(FinanceQueries queries, SaveAttributionKeys save) : FinancePageModel
{
    public PlanRef Plan { get; private set; } = null!;
    public string Unit { get; private set; } = "";
    public IReadOnlyList<ElementRef> Elements { get; private set; } = [];

    [BindProperty]
    public AttributionMethod Method { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    /// <summary>Element id → value as typed (invariant or French decimal comma).</summary>
    [BindProperty]
    public Dictionary<int, string?> SharesInput { get; set; } = [];

    public IReadOnlyDictionary<int, decimal> Shares { get; private set; } = new Dictionary<int, decimal>();

    private async Task<bool> LoadAsync(int id, string unit, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        var known = FinanceUnits.Normalize(unit);
        if (plan is null || known is null) return false;
        Plan = plan;
        Unit = known;
        Elements = await queries.ElementsAsync(id, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, string unit, CancellationToken ct)
    {
        if (!await LoadAsync(id, unit, ct)) return NotFound();
        var keys = (await queries.GetKeysAsync(id, ct))!.First(k => k.Unit == Unit);
        Method = keys.Method;
        Version = keys.Id is null ? null : keys.Version;
        Shares = keys.Shares;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string unit, [FromForm(Name = "Shares")] Dictionary<int, string?>? shares, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(id, unit, ct)) return NotFound();
        var parsed = new Dictionary<int, decimal>();
        foreach (var (element, text) in shares ?? [])
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value)) parsed[element] = value;
            else ModelState.AddModelError("Shares", Text("Keys.NotANumber", text));
        }
        Shares = parsed;
        if (ModelState.ErrorCount > 0) return Page();
        try
        {
            await save.HandleAsync(new SaveAttributionKeys.Request(id, Unit, Version, Method, parsed), ct);
            TempData["Message"] = Text("Keys.Saved", Unit);
            return Redirect($"/Finance/Plans/{id}/Attribution");
        }
        catch (ValidationFailedException ex)
        {
            foreach (var m in ex.Errors.SelectMany(e => e.Value)) ModelState.AddModelError("Shares", m);
            return Page();
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? Page();
        }
    }
}

using Cadre.Core.Common;
using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Expenditure;

/// <summary>Imports actual expenditure from a .csv or .xlsx file: a preview of every row's errors, then all rows or none.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class ImportModel(FinanceQueries queries, ImportExpenditure import) : FinancePageModel
{
    public IReadOnlyList<PlanRef> Plans { get; private set; } = [];
    public ExpenditurePreview? Preview { get; private set; }

    [BindProperty]
    public int? PlanId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    private async Task LoadAsync(CancellationToken ct) =>
        Plans = (await queries.ListStrategicPlansAsync(ct)).Where(p => p.HasFinancialPlan).Select(p => p.Plan).ToList();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task<byte[]?> ReadAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("file", Text("Import.NoFile"));
            return null;
        }
        if (Upload.Length > ImportExpenditure.MaxBytes)
        {
            ModelState.AddModelError("file", Text("Import.TooLarge", ImportExpenditure.MaxBytes / 1024));
            return null;
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        await LoadAsync(ct);
        var content = await ReadAsync(ct);
        if (content is null) return Page();
        try
        {
            Preview = await import.PreviewAsync(content, PlanId, ct);
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? Page();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        await LoadAsync(ct);
        var content = await ReadAsync(ct);
        if (content is null) return Page();
        try
        {
            var preview = await import.PreviewAsync(content, PlanId, ct);
            if (!preview.IsValid)
            {
                Preview = preview;
                ModelState.AddModelError(string.Empty, Text("Import.Refused"));
                return Page();
            }
            var count = await import.HandleAsync(content, PlanId, ct);
            TempData["Message"] = Text("Import.Done", count, K(preview.Total));
            return Redirect(PlanId is int id ? $"/Finance/Plans/{id}/Budgets" : "/Finance");
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? Page();
        }
    }
}

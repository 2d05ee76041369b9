using Cadre.Core.Common;
using Cadre.Core.Planning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Plans;

/// <summary>Creates a plan from a JSON file (the export format). All errors are listed; nothing is stored unless all is well.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
[RequestSizeLimit(ImportPlan.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportPlan.MaxBytes + 64 * 1024)]
public sealed class ImportModel(ImportPlan import) : PlanningPageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Text("Import.Required"));
            return Page();
        }
        if (Upload.Length > ImportPlan.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), Text("Import.TooLarge", ImportPlan.MaxBytes / (1024 * 1024)));
            return Page();
        }
        try
        {
            PlanDocument document;
            await using (var stream = Upload.OpenReadStream())
            {
                document = ImportPlan.Parse(stream);
            }
            var plan = await import.HandleAsync(document, ct);
            Flash(Text("Import.Done", plan.Code, plan.Elements.Count));
            return Redirect($"/Planning/Plans/{plan.Id}");
        }
        catch (CadreException ex)
        {
            // Errors name places in the file (plan.elements[3].code), not fields of this form: list them all at the top.
            if (ex is ValidationFailedException v)
            {
                foreach (var (field, messages) in v.Errors)
                {
                    foreach (var m in messages) ModelState.AddModelError(field == "file" ? nameof(Upload) : string.Empty, field is "file" or "plan.elements" ? m : $"{field}: {m}");
                }
                return Page();
            }
            return Fail(ex) ?? Page();
        }
    }
}

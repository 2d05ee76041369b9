using System.Text.Json;
using Cadre.Core.Common;
using Cadre.Core.Planning;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Plans;

/// <summary>The plan as JSON (the format of <c>cadre planning export</c>), as a download.</summary>
public sealed class ExportModel(PlanningQueries queries, ExportPlan export) : PlanningPageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null) return NotFound();
        try
        {
            var document = await export.HandleAsync(plan.Code, ct);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(document, PlanDocument.Json);
            // File() writes Content-Disposition per RFC 6266 (filename and filename*), whatever the code contains.
            return File(bytes, "application/json", $"{plan.Code}.json");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}

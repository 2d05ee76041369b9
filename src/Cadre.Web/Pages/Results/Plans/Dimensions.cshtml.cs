using Cadre.Core.Planning;
using Cadre.Core.Results;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Results.Plans;

/// <summary>A plan's disaggregation dimensions (standard and custom) with their values; Planners get links to change the custom ones.</summary>
public sealed class DimensionsModel : ResultsPageModel
{
    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<Dimension> Dimensions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var plan = await Reads.PlanAsync(planId, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        Dimensions = await Reads.DimensionsAsync(planId, ct);
        return Page();
    }
}

using Cadre.Core.Planning;
using Cadre.Core.Results;
using Cadre.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Results.Dashboards;

/// <summary>
/// An element's results dashboard: its figure with the terms of its weighted mean (so that anyone can
/// recompute it), its children, and a chart per indicator below it.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.OutputCachePolicies.PublicDashboard)]
public sealed class ElementModel(ProgressService progress, TimeProvider clock, IStringLocalizer<ResultsText> text) : DashboardPageModel(progress, clock, text)
{
    public PlanElement Element { get; private set; } = null!;
    public ElementProgressRow Row { get; private set; } = null!;
    public IReadOnlyList<Contribution> Terms { get; private set; } = [];
    public IReadOnlyList<ElementProgressRow> Ancestors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? asOf, int? page, CancellationToken ct)
    {
        var element = await Reads.ElementAsync(id, ct);
        if (element is null) return NotFound();
        Element = element;
        if (!await LoadPlanAsync(element.PlanId, asOf, ct)) return NotFound();
        if (!Progress.Elements.TryGetValue(id, out var row)) return NotFound();
        Row = row;
        Terms = Progress.ContributionsOf(id);
        var ancestors = new List<ElementProgressRow>();
        for (var p = row.ParentId; p is int pid && Progress.Elements.TryGetValue(pid, out var parent); p = parent.ParentId) ancestors.Insert(0, parent);
        Ancestors = ancestors;
        await LoadPanelsAsync(id, page, ct);
        return Page();
    }
}

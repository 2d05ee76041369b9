using Cadre.Core.Results;
using Cadre.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Results.Dashboards;

/// <summary>
/// A plan's results dashboard: the plan's figure (the weighted mean of its top-level elements), status counts,
/// every element with its progress, and a chart per indicator. Public for published plans; anonymous visitors
/// get it from the output cache (ADR 3).
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.OutputCachePolicies.PublicDashboard)]
public sealed class PlanModel(ProgressService progress, TimeProvider clock, IStringLocalizer<ResultsText> text) : DashboardPageModel(progress, clock, text)
{
    public const int ElementsPerPage = 50;

    public IReadOnlyList<Contribution> Roots { get; private set; } = [];
    public IReadOnlyList<ElementProgressRow> ElementRows { get; private set; } = [];
    public int ElementPage { get; private set; } = 1;
    public int ElementPageCount { get; private set; } = 1;
    public IReadOnlyDictionary<int, int> Depth { get; private set; } = new Dictionary<int, int>();

    public string ElementsUrl(int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(UrlFor(), "elements", page.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task<IActionResult> OnGetAsync(int planId, int? asOf, int? page, int? elements, CancellationToken ct)
    {
        if (!await LoadPlanAsync(planId, asOf, ct)) return NotFound();
        Roots = Progress.ElementOrder.Where(id => !Progress.Depth.TryGetValue(id, out var d) || d == 0).Select(id => Progress.Elements[id])
            .Select(e => new Contribution(false, e.ElementId, e.Code, e.Title, (double)e.Weight, e.Achievement, e.Status)).ToList();
        Depth = Progress.Depth;
        var all = Progress.ElementOrder.Length;
        ElementPageCount = Math.Max(1, (all + ElementsPerPage - 1) / ElementsPerPage);
        ElementPage = Math.Clamp(elements ?? 1, 1, ElementPageCount);
        ElementRows = Progress.ElementsInOrder.Skip((ElementPage - 1) * ElementsPerPage).Take(ElementsPerPage).ToList();
        await LoadPanelsAsync(null, page, ct);
        return Page();
    }
}

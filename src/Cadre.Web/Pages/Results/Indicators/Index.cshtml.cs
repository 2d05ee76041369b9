using Cadre.Core.Common;
using Cadre.Core.Planning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Cadre.Web.Pages.Results.Indicators;

/// <summary>The indicators of a plan: search, sorting, paging.</summary>
public sealed class IndexModel : ResultsPageModel
{
    public Plan Plan { get; private set; } = null!;
    public string? Q { get; private set; }
    public IndicatorListSort Sort { get; private set; } = IndicatorListSort.Code;
    public bool Descending { get; private set; }
    public Paged<IndicatorRow> Indicators { get; private set; } = new([], 1, 25, 0);

    public async Task<IActionResult> OnGetAsync(int planId, string? q, string? sort, string? dir, int? page, CancellationToken ct)
    {
        var plan = await Reads.PlanAsync(planId, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (Enum.TryParse<IndicatorListSort>(sort, ignoreCase: true, out var s) && Enum.IsDefined(s))
        {
            Sort = s;
            Descending = string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase);
        }
        Indicators = await Reads.ListAsync(planId, Q, Sort, Descending, page, ct);
        return Page();
    }

    public string UrlFor(IndicatorListSort sort, bool descending, int page = 1)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["sort"] = sort.ToString().ToLowerInvariant(),
            ["dir"] = descending ? "desc" : "asc",
        };
        if (page > 1) query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString($"/Results/Plans/{Plan.Id}/Indicators", query.Where(p => p.Value is not null));
    }

    public string SortUrl(IndicatorListSort column) => UrlFor(column, column == Sort && !Descending);

    public string? AriaSort(IndicatorListSort column) => column == Sort ? (Descending ? "descending" : "ascending") : null;
}

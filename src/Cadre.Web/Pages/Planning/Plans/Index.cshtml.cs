using Cadre.Core.Common;
using Cadre.Core.Planning;
using Microsoft.AspNetCore.WebUtilities;

namespace Cadre.Web.Pages.Planning.Plans;

public sealed class IndexModel(PlanningQueries queries) : PlanningPageModel
{
    public string? Q { get; private set; }
    public PlanSort Sort { get; private set; } = PlanSort.Period;
    public bool Descending { get; private set; } = true;
    public Paged<PlanSummary> Plans { get; private set; } = new([], 1, 25, 0);

    public async Task OnGetAsync(string? q, string? sort, string? dir, int? page, CancellationToken ct)
    {
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (Enum.TryParse<PlanSort>(sort, ignoreCase: true, out var s) && Enum.IsDefined(s))
        {
            Sort = s;
            Descending = string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase);
        }
        Plans = await queries.ListPlansAsync(Q, Sort, Descending, page, null, null, ct);
    }

    /// <summary>The list's address with the current search and the given sort and page.</summary>
    public string UrlFor(PlanSort sort, bool descending, int page = 1)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["sort"] = sort.ToString().ToLowerInvariant(),
            ["dir"] = descending ? "desc" : "asc",
        };
        if (page > 1) query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/Planning/Plans", query.Where(p => p.Value is not null));
    }

    /// <summary>Clicking the sorted column's header reverses the order; another column sorts ascending.</summary>
    public string SortUrl(PlanSort column) => UrlFor(column, column == Sort && !Descending);

    public string? AriaSort(PlanSort column) => column == Sort ? (Descending ? "descending" : "ascending") : null;
}

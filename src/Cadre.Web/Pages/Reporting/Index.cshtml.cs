using Microsoft.AspNetCore.Mvc;
using Cadre.Core.Reporting;

namespace Cadre.Web.Pages.Reporting;

/// <summary>Reports you may read (published ones for the public), of one plan or all, sorted and paged.</summary>
public sealed class IndexModel(ReportingQueries queries) : ReportingPageModel
{
    public ReportingQueries.ReportPage Reports { get; private set; } = new([], 1, 25, 0);

    [BindProperty(SupportsGet = true)]
    public int? Plan { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public ReportingQueries.ReportSort SortBy { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SortBy = Enum.TryParse<ReportingQueries.ReportSort>(Sort, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : ReportingQueries.ReportSort.Year;
        Reports = await queries.PageAsync(Plan, SortBy, Desc, PageNumber, 25, ct);
    }

    public string UrlFor(string? sort, bool desc, int page)
    {
        var parts = new List<string>();
        if (Plan is int plan) parts.Add("plan=" + plan.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (sort is not null) parts.Add("sort=" + sort);
        if (desc) parts.Add("desc=true");
        if (page > 1) parts.Add("p=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/Reporting" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }

    public string SortUrl(ReportingQueries.ReportSort column) =>
        UrlFor(column.ToString().ToLowerInvariant(), SortBy == column && !Desc, 1);
}

using Microsoft.AspNetCore.Mvc;
using Cadre.Core.Finance;
using Cadre.Core.Reporting;

namespace Cadre.Web.Pages.Reporting;

/// <summary>Reports you may read (published ones for the public), of one plan or all, sorted and paged; and the open
/// data: the IATI 2.03 files of the plans you may read (of the chosen plan, or of every plan with a financial plan).</summary>
public sealed class IndexModel(ReportingQueries queries, FinanceQueries finance) : ReportingPageModel
{
    public ReportingQueries.ReportPage Reports { get; private set; } = new([], 1, 25, 0);

    /// <summary>The plans whose IATI files are offered, with whether each has a financial plan (the files need one).</summary>
    public IReadOnlyList<(PlanRef Plan, bool HasFinancialPlan)> OpenData { get; private set; } = [];

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
        var plans = await finance.ListStrategicPlansAsync(ct);
        OpenData = Plan is int id ? plans.Where(p => p.Plan.Id == id).ToList() : plans.Where(p => p.HasFinancialPlan).ToList();
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

using Cadre.Core.Common;
using Cadre.Core.Governance;

namespace Cadre.Web.Pages.Governance.Liaisons;

/// <summary>Liaison statements between bodies, with search, sort and paging.</summary>
public sealed class IndexModel(GovernanceQueries queries) : GovernancePageModel
{
    private static readonly string[] Sorts = ["sent", "-sent", "deadline", "-deadline"];

    public string? Q { get; private set; }
    public string Sort { get; private set; } = "-sent";
    public Paged<LiaisonStatement> Items { get; private set; } = new([], 1, 25, 0);

    public async Task OnGetAsync(string? q, string? sort, int? page, CancellationToken ct)
    {
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Sort = Sorts.Contains(sort) ? sort! : "-sent";
        Items = await queries.ListLiaisonsAsync(null, Q, Sort, page, 25, ct);
    }

    public string PageUrl(int page) => Link("/Governance/Liaisons", ("q", Q), ("sort", Sort), ("page", page > 1 ? page : null));

    public string SortUrl(string column) => Link("/Governance/Liaisons", ("q", Q), ("sort", Sort == column ? "-" + column : column));

    public string? AriaSort(string column) => Sort == column ? "ascending" : Sort == "-" + column ? "descending" : null;
}

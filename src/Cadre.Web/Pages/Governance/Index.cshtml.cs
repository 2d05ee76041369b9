using Cadre.Core.Common;
using Cadre.Core.Governance;

namespace Cadre.Web.Pages.Governance;

/// <summary>The bodies: conferences, Council, advisory groups and working groups, with search, sort and paging.</summary>
public sealed class IndexModel(GovernanceQueries queries, Cadre.Core.Data.CadreDbContext db) : GovernancePageModel
{
    /// <summary>True for the secretariat, who create top-level bodies.</summary>
    public bool CanCreate { get; private set; }

    public string Path => "/Governance";
    public string? Q { get; private set; }
    public string Sort { get; private set; } = "code";
    public Paged<Body> Bodies { get; private set; } = new([], 1, 25, 0);

    public async Task OnGetAsync(string? q, string? sort, int? page, CancellationToken ct)
    {
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Sort = sort is "code" or "-code" or "kind" or "-kind" ? sort : "code";
        Bodies = await queries.ListBodiesAsync(Q, Sort, page, 25, ct);
        CanCreate = await BodyAccess.CanCreateAsync(db, Actor, null, ct);
    }

    public string PageUrl(int page) => Link(Path, ("q", Q), ("sort", Sort), ("page", page > 1 ? page : null));

    public string SortUrl(string column) => Link(Path, ("q", Q), ("sort", Sort == column ? "-" + column : column));

    public string? AriaSort(string column) => Sort == column ? "ascending" : Sort == "-" + column ? "descending" : null;
}

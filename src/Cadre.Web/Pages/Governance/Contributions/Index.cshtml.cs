using Cadre.Core.Data;
using Cadre.Core.Governance.Contributions;
using Cadre.Web.Pages.Governance.Documents;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Governance.Contributions;

/// <summary>
/// The contributions the caller may see: submitted ones for Members' Delegates and the secretariat, and drafts only
/// of the caller's own Member. Search, filters, sorting and paging.
/// </summary>
public sealed class IndexModel(ContributionQueries queries, CadreDbContext db) : DocumentsPageModel
{
    public const string Path = "/Governance/Contributions";
    public static readonly IReadOnlyList<string> Sorts = ["newest", "title", "deadline"];

    public string? Q { get; private set; }
    public string? Body { get; private set; }
    public ContributionStatus? Status { get; private set; }
    public string Sort { get; private set; } = "newest";
    public ContributionPage Result { get; private set; } = new([], 1, 25, 0);
    public IReadOnlyList<string> BodyCodes { get; private set; } = [];
    public bool CanWrite => ContributionRules.IsDelegate(Actor);

    public async Task OnGetAsync(string? q, string? body, string? status, string? sort, int? page, CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Code).Select(b => new { b.Id, b.Code }).ToListAsync(ct);
        BodyCodes = bodies.Select(b => b.Code).ToList();
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Body = BodyCodes.Contains(body) ? body : null;
        Status = Enum.TryParse<ContributionStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        Sort = sort is not null && Sorts.Contains(sort) ? sort : "newest";
        var order = Sort switch { "title" => ContributionSort.Title, "deadline" => ContributionSort.Deadline, _ => ContributionSort.Newest };
        int? bodyId = Body is null ? null : bodies.First(b => b.Code == Body).Id;
        Result = await queries.ListAsync(Q, bodyId, Status, order, page, 25, ct);
    }

    public string PageUrl(int page) => Link(Path, ("q", Q), ("body", Body), ("status", Status), ("sort", Sort == "newest" ? null : Sort), ("page", page > 1 ? page : null));
}

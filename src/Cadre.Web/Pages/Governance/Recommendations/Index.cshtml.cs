using Cadre.Core.Common;
using Cadre.Core.Governance;

namespace Cadre.Web.Pages.Governance.Recommendations;

/// <summary>Recommendations from bodies to their parents, with a status filter, search, sort and paging.</summary>
public sealed class IndexModel(GovernanceQueries queries) : GovernancePageModel
{
    private const string Path = "/Governance/Recommendations";
    private static readonly string[] Sorts = ["proposed", "-proposed", "status", "-status"];

    public string? Q { get; private set; }
    public string Sort { get; private set; } = "-proposed";
    public RecommendationStatus? Status { get; private set; }
    public string? BodyCode { get; private set; }
    public Paged<Recommendation> Items { get; private set; } = new([], 1, 25, 0);

    public async Task OnGetAsync(string? q, string? status, string? body, string? sort, int? page, CancellationToken ct)
    {
        int? bodyId = null;
        if (!string.IsNullOrWhiteSpace(body) && await queries.FindBodyAsync(body.Trim(), ct) is { } b)
        {
            BodyCode = b.Code;
            bodyId = b.Id;
        }
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Status = Enum.TryParse<RecommendationStatus>(status, true, out var s) && Enum.IsDefined(s) ? s : null;
        Sort = Sorts.Contains(sort) ? sort! : "-proposed";
        // An unknown body code matches nothing rather than everything.
        Items = bodyId is null && !string.IsNullOrWhiteSpace(body)
            ? new Paged<Recommendation>([], 1, 25, 0)
            : await queries.ListRecommendationsAsync(bodyId, Status, Q, Sort, page, 25, ct);
    }

    private string? StatusValue => Status?.ToString().ToLowerInvariant();

    public string PageUrl(int page) => Link(Path, ("q", Q), ("status", StatusValue), ("body", BodyCode), ("sort", Sort), ("page", page > 1 ? page : null));

    public string SortUrl(string column) => Link(Path, ("q", Q), ("status", StatusValue), ("body", BodyCode), ("sort", Sort == column ? "-" + column : column));

    public string? AriaSort(string column) => Sort == column ? "ascending" : Sort == "-" + column ? "descending" : null;
}

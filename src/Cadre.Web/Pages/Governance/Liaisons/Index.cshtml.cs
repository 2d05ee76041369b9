using Cadre.Core.Common;
using Cadre.Core.Governance;

namespace Cadre.Web.Pages.Governance.Liaisons;

/// <summary>Liaison statements between bodies, filtered by body, action requested or those awaiting a reply, with search, sort and paging.</summary>
public sealed class IndexModel(GovernanceQueries queries) : GovernancePageModel
{
    private const string Path = "/Governance/Liaisons";
    private static readonly string[] Sorts = ["sent", "-sent", "deadline", "-deadline"];

    public string? Q { get; private set; }
    public string Sort { get; private set; } = "-sent";
    public string? BodyCode { get; private set; }
    public LiaisonAction? Action { get; private set; }
    public bool Awaiting { get; private set; }
    public Paged<LiaisonStatement> Items { get; private set; } = new([], 1, 25, 0);

    public async Task OnGetAsync(string? q, string? body, string? action, bool? awaiting, string? sort, int? page, CancellationToken ct)
    {
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Sort = Sorts.Contains(sort) ? sort! : "-sent";
        Action = Enum.TryParse<LiaisonAction>(action, true, out var a) && Enum.IsDefined(a) ? a : null;
        Awaiting = awaiting == true;
        int? bodyId = null;
        if (!string.IsNullOrWhiteSpace(body) && await queries.FindBodyAsync(body.Trim(), ct) is { } b)
        {
            BodyCode = b.Code;
            bodyId = b.Id;
        }
        // An unknown body code matches nothing rather than everything.
        Items = bodyId is null && !string.IsNullOrWhiteSpace(body)
            ? new Paged<LiaisonStatement>([], 1, 25, 0)
            : await queries.ListLiaisonsAsync(bodyId, Action, Awaiting, Q, Sort, page, 25, ct);
    }

    private string? ActionValue => Action?.ToString();

    public string PageUrl(int page) => Link(Path, ("q", Q), ("body", BodyCode), ("action", ActionValue), ("awaiting", Awaiting ? "true" : null), ("sort", Sort), ("page", page > 1 ? page : null));

    public string SortUrl(string column) => Link(Path, ("q", Q), ("body", BodyCode), ("action", ActionValue), ("awaiting", Awaiting ? "true" : null), ("sort", Sort == column ? "-" + column : column));

    public string? AriaSort(string column) => Sort == column ? "ascending" : Sort == "-" + column ? "descending" : null;
}

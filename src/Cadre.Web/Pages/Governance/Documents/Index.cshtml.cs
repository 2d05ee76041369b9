using Cadre.Core.Data;
using Cadre.Core.Governance.Documents;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Governance.Documents;

/// <summary>
/// The document registry: full-text search over titles, symbols and file text (FTS5 on SQLite, tsvector on
/// PostgreSQL), filters by body, type, language and date, sorting and paging. Members-only documents are
/// listed only for those who may read them.
/// </summary>
public sealed class IndexModel(DocumentQueries queries, CadreDbContext db) : DocumentsPageModel
{
    public const string Path = "/Governance/Documents";
    public static readonly IReadOnlyList<string> Sorts = ["relevance", "-date", "date", "symbol", "-symbol"];

    public string? Q { get; private set; }
    public string? Body { get; private set; }
    public DocumentType? Type { get; private set; }
    public string? Lang { get; private set; }
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public string Sort { get; private set; } = "relevance";
    public DocumentPage Result { get; private set; } = new([], 1, DocumentQueries.DefaultPageSize, 0);
    public IReadOnlyList<(int Id, string Code)> Bodies { get; private set; } = [];
    public bool CanRegister => DocumentPermissions.CanRegister(Actor);

    public string BodyCode(int? id)
    {
        foreach (var (bodyId, code) in Bodies)
        {
            if (bodyId == id) return code;
        }
        return "";
    }

    public async Task OnGetAsync(string? q, string? body, string? type, string? lang, DateOnly? from, DateOnly? to, string? sort, int? page, CancellationToken ct)
    {
        Bodies = (await db.Bodies.AsNoTracking().OrderBy(b => b.Code).Select(b => new { b.Id, b.Code }).ToListAsync(ct)).Select(b => (b.Id, b.Code)).ToList();
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Body = Bodies.Any(b => b.Code == body) ? body : null;
        Type = Enum.TryParse<DocumentType>(type, ignoreCase: true, out var t) && Enum.IsDefined(t) ? t : null;
        Lang = Cadre.Core.Common.LocalizedText.IsSupported(lang) ? lang : null;
        From = from;
        To = to;
        Sort = sort is not null && Sorts.Contains(sort) ? sort : "relevance";
        var (order, descending) = Sort switch
        {
            "symbol" => (DocumentSort.Symbol, false),
            "-symbol" => (DocumentSort.Symbol, true),
            "date" => (DocumentSort.Date, false),
            "-date" => (DocumentSort.Date, true),
            _ => (DocumentSort.Relevance, false),
        };
        int? bodyId = Body is null ? null : Bodies.First(b => b.Code == Body).Id;
        Result = await queries.SearchAsync(new DocumentSearch(Q, Type, bodyId, order, descending, page, DocumentQueries.DefaultPageSize, Lang, From, To), ct);
    }

    public string PageUrl(int page) => Link(Path, ("q", Q), ("body", Body), ("type", Type), ("lang", Lang),
        ("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ("sort", Sort == "relevance" ? null : Sort), ("page", page > 1 ? page : null));
}

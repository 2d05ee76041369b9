using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Governance.Documents;

public enum DocumentSort
{
    /// <summary>Best match first (with a search), else the newest first.</summary>
    Relevance,
    Symbol,
    Date,
}

public sealed record DocumentSearch(
    string? Query = null,
    DocumentType? Type = null,
    int? BodyId = null,
    DocumentSort Sort = DocumentSort.Relevance,
    bool Descending = false,
    int? Page = null,
    int? PageSize = null,
    string? Language = null,
    DateOnly? From = null,
    DateOnly? To = null);

public sealed record DocumentListItem(int Id, string Symbol, DocumentType Type, LocalizedText Title, string OriginalLanguage,
    DocumentAccess Access, DateOnly? DocumentDate, int? BodyId, int? MeetingId);

public sealed record DocumentPage(IReadOnlyList<DocumentListItem> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record DocumentFileInfo(int Id, string Language, string FileName, string ContentType, long SizeBytes, DateTime UploadedAtUtc);

public sealed record DocumentDetail(
    int Id, string Symbol, string BaseSymbol, DocumentSymbol Parts, DocumentType Type, LocalizedText Title, string OriginalLanguage,
    DocumentAccess Access, bool FromSecretariat, IReadOnlyList<string> SourceMembers, DateOnly? DocumentDate, DateTime RegisteredAtUtc,
    int? BodyId, string? BodyCode, int? MeetingId, IReadOnlyList<DocumentFileInfo> Files,
    IReadOnlyList<DocumentListItem> References, IReadOnlyList<DocumentListItem> ReferencedBy, IReadOnlyList<DocumentListItem> Versions, int Version);

public sealed record DocumentFileContent(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Reads of the registry for pages, API and CLI. Members-only documents are left out for callers who
/// may not read them (as if they did not exist: 404, never 403, so that their symbols do not leak).
/// </summary>
public sealed class DocumentQueries(CadreDbContext db)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    private bool AllAccess => DocumentPermissions.CanReadMembersOnly(db.Actor);

    private IQueryable<Document> Readable()
    {
        var q = db.Documents.AsNoTracking();
        return AllAccess ? q : q.Where(d => d.Access == DocumentAccess.Public);
    }

    private static IQueryable<DocumentListItem> ToItems(IQueryable<Document> q) =>
        q.Select(d => new DocumentListItem(d.Id, d.Symbol, d.Type, d.Title, d.OriginalLanguage, d.Access, d.DocumentDate, d.BodyId, d.MeetingId));

    /// <summary>Lists or searches: a symbol finds that document and its revisions; other text searches titles, symbols and file text.</summary>
    public async Task<DocumentPage> SearchAsync(DocumentSearch search, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var pageSize = Math.Clamp(search.PageSize ?? DefaultPageSize, 1, MaxPageSize);
        var page = Math.Max(1, search.Page ?? 1);
        var query = search.Query?.Trim();
        if (string.IsNullOrEmpty(query)) return await BrowseAsync(Filter(Readable(), search), search, page, pageSize, ct);

        if (query.Contains('/', StringComparison.Ordinal) && SymbolGrammar.TryParse(query, out var symbol, out _))
        {
            var canonical = (symbol! with { Language = null }).ToString();
            var baseSymbol = symbol.BaseSymbol;
            var bySymbol = Filter(Readable(), search).Where(d => d.Symbol == canonical || d.BaseSymbol == baseSymbol);
            if (await bySymbol.AnyAsync(ct)) return await BrowseAsync(bySymbol, search with { Sort = search.Sort == DocumentSort.Relevance ? DocumentSort.Symbol : search.Sort }, page, pageSize, ct);
        }

        var words = SearchFolding.Words(query);
        if (words.Count == 0) return new DocumentPage([], page, pageSize, 0);
        var (ids, total) = db.Database.IsNpgsql()
            ? await SearchPostgresAsync(words, search, page, pageSize, ct)
            : await SearchSqliteAsync(words, search, page, pageSize, ct);
        var items = await ToItems(db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))).ToListAsync(ct);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return new DocumentPage(items.OrderBy(i => order[i.Id]).ToList(), page, pageSize, total);
    }

    private static IQueryable<Document> Filter(IQueryable<Document> q, DocumentSearch search)
    {
        if (search.Type is { } type) q = q.Where(d => d.Type == type);
        if (search.BodyId is { } body) q = q.Where(d => d.BodyId == body);
        if (search.Language is { Length: > 0 } language) q = q.Where(d => d.OriginalLanguage == language || d.Files.Any(f => f.Language == language));
        if (search.From is { } from) q = q.Where(d => d.DocumentDate >= from);
        if (search.To is { } to) q = q.Where(d => d.DocumentDate <= to);
        return q;
    }

    private static async Task<DocumentPage> BrowseAsync(IQueryable<Document> q, DocumentSearch search, int page, int pageSize, CancellationToken ct)
    {
        var total = await q.CountAsync(ct);
        q = (search.Sort, search.Descending) switch
        {
            (DocumentSort.Symbol, false) => q.OrderBy(d => d.Symbol),
            (DocumentSort.Symbol, true) => q.OrderByDescending(d => d.Symbol),
            (DocumentSort.Date, false) => q.OrderBy(d => d.DocumentDate).ThenBy(d => d.Id),
            _ => q.OrderByDescending(d => d.DocumentDate).ThenByDescending(d => d.Id),
        };
        var items = await ToItems(q.Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new DocumentPage(items, page, pageSize, total);
    }

    /// <summary>The filter and order shared by both engines' SQL; only fixed text and parameters go into it.</summary>
    private (string Where, string Order, List<object> Args) SqlParts(DocumentSearch search, string rank, int firstArg)
    {
        var where = "";
        var args = new List<object>();
        if (!AllAccess) where += " AND d.\"Access\" = 'Public'";
        if (search.Type is { } type)
        {
            where += $" AND d.\"Type\" = {{{firstArg + args.Count}}}";
            args.Add(type.ToString());
        }
        if (search.BodyId is { } body)
        {
            where += $" AND d.\"BodyId\" = {{{firstArg + args.Count}}}";
            args.Add(body);
        }
        if (search.Language is { Length: > 0 } language)
        {
            var n = firstArg + args.Count;
            where += $" AND (d.\"OriginalLanguage\" = {{{n}}} OR EXISTS (SELECT 1 FROM gov_document_files f WHERE f.\"DocumentId\" = d.\"Id\" AND f.\"Language\" = {{{n}}}))";
            args.Add(language);
        }
        if (search.From is { } from)
        {
            where += $" AND d.\"DocumentDate\" >= {{{firstArg + args.Count}}}";
            args.Add(from);
        }
        if (search.To is { } to)
        {
            where += $" AND d.\"DocumentDate\" <= {{{firstArg + args.Count}}}";
            args.Add(to);
        }
        var dir = search.Descending ? "DESC" : "ASC";
        var order = search.Sort switch
        {
            DocumentSort.Symbol => $"d.\"Symbol\" {dir}",
            DocumentSort.Date => $"d.\"DocumentDate\" {dir}, d.\"Id\" {dir}",
            _ => $"{rank}, d.\"Id\" DESC",
        };
        return (where, order, args);
    }

    // The SQL below is built only from fixed fragments (column names, sort direction, placeholders);
    // every value, the search words included, goes in as a parameter.
#pragma warning disable EF1002, EF1003
    private async Task<(List<int> Ids, int Total)> SearchSqliteAsync(IReadOnlyList<string> words, DocumentSearch search, int page, int pageSize, CancellationToken ct)
    {
        // Every word must be there; each also matches as a prefix ("reun" finds "réunion").
        var match = string.Join(' ', words.Select(w => "\"" + w + "\"*"));
        var (where, order, args) = SqlParts(search, "bm25(gov_document_fts)", 1);
        var from = "FROM gov_document_fts JOIN gov_documents d ON d.\"Id\" = gov_document_fts.rowid WHERE gov_document_fts MATCH {0}" + where;
        object[] countArgs = [match, .. args];
        var total = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" " + from, countArgs).SingleAsync(ct);
        var n = countArgs.Length;
        object[] pageArgs = [.. countArgs, pageSize, (page - 1) * pageSize];
        var ids = await db.Database.SqlQueryRaw<int>(
            $"SELECT d.\"Id\" AS \"Value\" {from} ORDER BY {order} LIMIT {{{n}}} OFFSET {{{n + 1}}}", pageArgs).ToListAsync(ct);
        return (ids, total);
    }

    private async Task<(List<int> Ids, int Total)> SearchPostgresAsync(IReadOnlyList<string> words, DocumentSearch search, int page, int pageSize, CancellationToken ct)
    {
        // The index holds 'simple', 'english' and 'french' lexemes: a word matches as a prefix of a plain
        // word, or by its English or French stem.
        var prefix = string.Join(" & ", words.Select(w => w + ":*"));
        var plain = string.Join(' ', words);
        const string tsquery = "(to_tsquery('simple', {0}) || plainto_tsquery('english', {1}) || plainto_tsquery('french', {1}))";
        var (where, order, args) = SqlParts(search, $"ts_rank(d.\"SearchVector\", {tsquery}) DESC", 2);
        var from = $"FROM gov_documents d WHERE d.\"SearchVector\" @@ {tsquery}" + where;
        object[] countArgs = [prefix, plain, .. args];
        var total = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" " + from, countArgs).SingleAsync(ct);
        var n = countArgs.Length;
        object[] pageArgs = [.. countArgs, pageSize, (page - 1) * pageSize];
        var ids = await db.Database.SqlQueryRaw<int>(
            $"SELECT d.\"Id\" AS \"Value\" {from} ORDER BY {order} LIMIT {{{n}}} OFFSET {{{n + 1}}}", pageArgs).ToListAsync(ct);
        return (ids, total);
    }

#pragma warning restore EF1002, EF1003

    public Task<int?> FindIdAsync(string symbolText, CancellationToken ct = default)
    {
        if (!SymbolGrammar.TryParse(symbolText, out var symbol, out _)) return Task.FromResult<int?>(null);
        var canonical = (symbol! with { Language = null }).ToString();
        return Readable().Where(d => d.Symbol == canonical).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<DocumentDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        var d = await Readable().Include(x => x.Sources).ThenInclude(s => s.Member).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return null;
        _ = SymbolGrammar.TryParse(d.Symbol, out var parts, out _);
        var files = await db.DocumentFiles.AsNoTracking().Where(f => f.DocumentId == id).OrderBy(f => f.Language)
            .Select(f => new DocumentFileInfo(f.Id, f.Language, f.FileName, f.ContentType, f.SizeBytes, f.UploadedAtUtc)).ToListAsync(ct);
        var references = await ToItems(Readable().Where(x => db.Set<DocumentReference>().Any(r => r.DocumentId == id && r.ReferencedDocumentId == x.Id)).OrderBy(x => x.Symbol))
            .ToListAsync(ct);
        var referencedBy = await ToItems(Readable().Where(x => db.Set<DocumentReference>().Any(r => r.ReferencedDocumentId == id && r.DocumentId == x.Id)).OrderBy(x => x.Symbol))
            .ToListAsync(ct);
        var versions = await ToItems(Readable().Where(x => x.BaseSymbol == d.BaseSymbol && x.Id != id).OrderBy(x => x.Symbol)).ToListAsync(ct);
        var bodyCode = d.BodyId is int b ? await db.Set<Body>().Where(x => x.Id == b).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
        return new DocumentDetail(d.Id, d.Symbol, d.BaseSymbol, parts!, d.Type, d.Title, d.OriginalLanguage, d.Access, d.FromSecretariat,
            d.Sources.Select(s => s.Member!.Code).Order(StringComparer.Ordinal).ToList(), d.DocumentDate, d.RegisteredAtUtc, d.BodyId, bodyCode, d.MeetingId,
            files, references, referencedBy, versions, d.Version);
    }

    /// <summary>A file of a document the caller may read, or null.</summary>
    public async Task<DocumentFileContent?> GetFileAsync(int documentId, string language, CancellationToken ct = default)
    {
        if (!await Readable().AnyAsync(d => d.Id == documentId, ct)) return null;
        return await db.DocumentFiles.AsNoTracking().Where(f => f.DocumentId == documentId && f.Language == language)
            .Select(f => new DocumentFileContent(f.FileName, f.ContentType, f.Content)).FirstOrDefaultAsync(ct);
    }
}

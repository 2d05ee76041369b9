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

/// <summary>
/// A page of documents. <see cref="Total"/> counts the matches up to <see cref="DocumentQueries.MaxCounted"/>; when
/// <see cref="MoreThanTotal"/> is true there are more than that ("more than 1,000"), and the pages cover the first ones.
/// </summary>
public sealed record DocumentPage(IReadOnlyList<DocumentListItem> Items, int Page, int PageSize, int Total, bool MoreThanTotal = false)
{
    /// <summary>True when a list without search words goes on past the counted documents (page by page).</summary>
    public bool MorePages { get; init; }

    public int PageCount => Math.Max(Math.Max(1, (Total + PageSize - 1) / PageSize), MorePages ? Page + 1 : 1);
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

    /// <summary>
    /// How many matches a search counts, sorts and pages through at most. A word found in a sixth of a large registry
    /// would otherwise cost a count and a ranking of every match; like a search engine, the page says "more than
    /// 1,000" and ranks (or sorts) the first 1,000 matches the index yields, the most recently registered first.
    /// </summary>
    public const int MaxCounted = 1000;

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
        var candidates = db.Database.IsNpgsql()
            ? await CandidatesPostgresAsync(words, search, ct)
            : await CandidatesSqliteAsync(words, search, ct);
        var more = candidates.Count > MaxCounted;
        if (more) candidates.RemoveAt(candidates.Count - 1);
        // Ranked or sorted within the candidates (at most MaxCounted), then paged.
        IEnumerable<SearchHit> ordered = (search.Sort, search.Descending) switch
        {
            (DocumentSort.Symbol, false) => candidates.OrderBy(h => h.Symbol, StringComparer.Ordinal).ThenBy(h => h.Id),
            (DocumentSort.Symbol, true) => candidates.OrderByDescending(h => h.Symbol, StringComparer.Ordinal).ThenByDescending(h => h.Id),
            (DocumentSort.Date, false) => candidates.OrderBy(h => h.DocumentDate).ThenBy(h => h.Id),
            (DocumentSort.Date, true) => candidates.OrderByDescending(h => h.DocumentDate).ThenByDescending(h => h.Id),
            _ => candidates.OrderByDescending(h => h.Score).ThenByDescending(h => h.Id),
        };
        var ids = ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(h => h.Id).ToList();
        var items = ids.Count == 0 ? [] : await ToItems(db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))).ToListAsync(ct);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return new DocumentPage(items.OrderBy(i => order[i.Id]).ToList(), page, pageSize, candidates.Count, more);
    }

    /// <summary>A match: higher <see cref="Score"/> is better (bm25 is negated on SQLite).</summary>
    private sealed record SearchHit(int Id, double Score, string Symbol, DateOnly? DocumentDate);

    private static IQueryable<Document> Filter(IQueryable<Document> q, DocumentSearch search)
    {
        if (search.Type is { } type) q = q.Where(d => d.Type == type);
        if (search.BodyId is { } body) q = q.Where(d => d.BodyId == body);
        if (search.Language is { Length: > 0 } language) q = q.Where(d => d.OriginalLanguage == language || d.Files.Any(f => f.Language == language));
        if (search.From is { } from) q = q.Where(d => d.DocumentDate >= from);
        if (search.To is { } to) q = q.Where(d => d.DocumentDate <= to);
        return q;
    }

    private async Task<DocumentPage> BrowseAsync(IQueryable<Document> q, DocumentSearch search, int page, int pageSize, CancellationToken ct)
    {
        q = (search.Sort, search.Descending) switch
        {
            (DocumentSort.Symbol, false) => q.OrderBy(d => d.Symbol),
            (DocumentSort.Symbol, true) => q.OrderByDescending(d => d.Symbol),
            (DocumentSort.Date, false) => q.OrderBy(d => d.DocumentDate).ThenBy(d => d.Id),
            _ => q.OrderByDescending(d => d.DocumentDate).ThenByDescending(d => d.Id),
        };
        // Counted up to the cap only, in the page's order (so that the index that serves the order also stops the
        // count early): counting 25,000 rows to print a number costs more than the page itself.
        var counted = await q.Take(MaxCounted + 1).CountAsync(ct);
        var total = Math.Min(counted, MaxCounted);
        // The page's ids first, then their rows: a query that reads only the ids can walk an index that holds the
        // filtered columns (IX_gov_documents_DocumentDate_Filters on SQLite) without reading the row of each document
        // it skips; reading the whole rows in the same query made SQLite pick the bare date index and read them all.
        var ids = await q.Skip((page - 1) * pageSize).Take(pageSize).Select(d => d.Id).ToListAsync(ct);
        var rows = ids.Count == 0 ? [] : await ToItems(db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))).ToListAsync(ct);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var items = rows.OrderBy(i => order[i.Id]).ToList();
        return new DocumentPage(items, page, pageSize, total, counted > MaxCounted) { MorePages = counted > MaxCounted && items.Count == pageSize };
    }

    /// <summary>The filters shared by both engines' SQL (the access rule is not among them); only fixed text and parameters go into it.</summary>
    private static (string Where, List<object> Args) SqlFilters(DocumentSearch search, int firstArg)
    {
        var where = "";
        var args = new List<object>();
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
        return (where, args);
    }

    // The SQL below is built only from fixed fragments (table and column names, placeholders); every value, the
    // search words included, goes in as a parameter.
#pragma warning disable EF1002, EF1003
    /// <summary>
    /// The first <see cref="MaxCounted"/> + 1 matches in the index's order, newest registered first, each with its
    /// bm25 score. Readers who may not see members-only documents search the FTS table that holds only the public
    /// ones (S4Governance migration), so the access rule costs nothing; bm25 is computed only for the rows taken.
    /// </summary>
    private async Task<List<SearchHit>> CandidatesSqliteAsync(IReadOnlyList<string> words, DocumentSearch search, CancellationToken ct)
    {
        // Every word must be there; each also matches as a prefix ("reun" finds "réunion").
        var match = string.Join(' ', words.Select(w => "\"" + w + "\"*"));
        var fts = AllAccess ? "gov_document_fts" : "gov_document_fts_public";
        var (where, args) = SqlFilters(search, 1);
        object[] parameters = [match, .. args, MaxCounted + 1];
        var limit = $"{{{parameters.Length - 1}}}";
        // The documents' rows are read through IX_gov_documents_Id_Filters (S5Governance), a narrow index that holds the
        // filtered columns, the symbol and the date: testing a filter there costs an index probe, not a row of about 1 KB.
        const string documents = "gov_documents d INDEXED BY \"IX_gov_documents_Id_Filters\"";
        var sql = where.Length == 0 && search.Sort == DocumentSort.Relevance
            // No filter, ranked: the FTS table alone answers; the documents are read only for the page.
            ? $"SELECT rowid AS \"Id\", -bm25({fts}) AS \"Score\", '' AS \"Symbol\", NULL AS \"DocumentDate\" FROM {fts} WHERE {fts} MATCH {{0}} ORDER BY rowid DESC LIMIT {limit}"
            : where.Length == 0
            // No filter, sorted by symbol or date: the FTS table chooses the candidates; the documents are read only for those.
            ? $"SELECT c.\"Id\", c.\"Score\", d.\"Symbol\", d.\"DocumentDate\" FROM (SELECT rowid AS \"Id\", -bm25({fts}) AS \"Score\" FROM {fts} WHERE {fts} MATCH {{0}} ORDER BY rowid DESC LIMIT {limit}) c JOIN {documents} ON d.\"Id\" = c.\"Id\""
            : $"SELECT d.\"Id\", -bm25({fts}) AS \"Score\", d.\"Symbol\", d.\"DocumentDate\" FROM {fts} JOIN {documents} ON d.\"Id\" = {fts}.rowid WHERE {fts} MATCH {{0}}{where} ORDER BY {fts}.rowid DESC LIMIT {limit}";
        return await db.Database.SqlQueryRaw<SearchHit>(sql, parameters).ToListAsync(ct);
    }

    /// <summary>
    /// The first <see cref="MaxCounted"/> + 1 matches, newest registered first, each with its ts_rank. The matches are
    /// tested on "SearchKeys" (the lexemes without positions, kept in the row: S5Governance), and the cap is applied
    /// before ranking, so ts_rank reads the positions ("SearchVector", stored out of line) of the candidates only. For
    /// readers who may not see members-only documents, the literal access condition lets PostgreSQL use the partial
    /// GIN index that holds only the public documents.
    /// </summary>
    private async Task<List<SearchHit>> CandidatesPostgresAsync(IReadOnlyList<string> words, DocumentSearch search, CancellationToken ct)
    {
        // The index holds 'simple', 'english' and 'french' lexemes: a word matches as a prefix of a plain
        // word, or by its English or French stem.
        var prefix = string.Join(" & ", words.Select(w => w + ":*"));
        var plain = string.Join(' ', words);
        const string tsquery = "(to_tsquery('simple', {0}) || plainto_tsquery('english', {1}) || plainto_tsquery('french', {1}))";
        var (where, args) = SqlFilters(search, 2);
        if (!AllAccess) where = " AND d.\"Access\" = 'Public'" + where;
        object[] parameters = [prefix, plain, .. args, MaxCounted + 1];
        var sql = $"SELECT d.\"Id\", ts_rank(d.\"SearchVector\", {tsquery})::float8 AS \"Score\", d.\"Symbol\", d.\"DocumentDate\" "
            + $"FROM (SELECT d.\"Id\" FROM gov_documents d WHERE d.\"SearchKeys\" @@ {tsquery}{where} ORDER BY d.\"Id\" DESC LIMIT {{{parameters.Length - 1}}}) c "
            + "JOIN gov_documents d ON d.\"Id\" = c.\"Id\"";
        return await db.Database.SqlQueryRaw<SearchHit>(sql, parameters).ToListAsync(ct);
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

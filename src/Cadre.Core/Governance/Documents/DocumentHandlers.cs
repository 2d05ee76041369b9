using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Governance.Documents;

/// <summary>Checks shared by the document handlers.</summary>
internal static class DocumentInput
{
    public const int TitleMaxLength = 500;

    /// <summary>Parses a symbol into its canonical form without language suffix, or adds the reason under <paramref name="field"/>.</summary>
    public static DocumentSymbol? Symbol(Validation v, string field, string? text)
    {
        if (SymbolGrammar.TryParse(text, out var symbol, out var error)) return symbol! with { Language = null };
        v.Add(field, Messages.Format("Error.Document.InvalidSymbol", text?.Trim(), error));
        return null;
    }

    public static LocalizedText Title(Validation v, IReadOnlyDictionary<string, string?>? values)
    {
        var text = new LocalizedText();
        foreach (var (lang, value) in values ?? new Dictionary<string, string?>())
        {
            if (!LocalizedText.IsSupported(lang)) v.Add("title", Messages.Format("Error.UnknownLanguage", lang));
            else if (value is not null && value.Trim().Length > TitleMaxLength) v.Add($"title.{lang}", Messages.Format("Error.TooLong", TitleMaxLength));
            else text[lang] = value;
        }
        if (text.IsEmpty) v.Add("title", Messages.Get("Error.TitleRequired"));
        return text;
    }

    /// <summary>Checks the files of a request: each valid, at most one per language.</summary>
    public static List<DocumentFile> Files(Validation v, IReadOnlyList<FileUpload>? files, DateTime now)
    {
        var result = new List<DocumentFile>();
        if (files is null) return result;
        if (files.Count > DocumentFiles.MaxFilesPerDocument) v.Add("files", Messages.Format("Error.Document.TooManyFiles", DocumentFiles.MaxFilesPerDocument));
        for (var i = 0; i < files.Count; i++)
        {
            var f = files[i];
            var field = $"files[{i}]";
            var checkedFile = DocumentFiles.Check(v, field, f);
            if (files.Take(i).Any(o => o.Language == f.Language)) v.Add(field, Messages.Format("Error.Document.FileLanguageTwice", f.Language));
            if (checkedFile is { } c)
            {
                result.Add(new DocumentFile
                {
                    Language = f.Language,
                    FileName = DocumentFiles.SafeName(f.FileName),
                    ContentType = c.ContentType,
                    SizeBytes = f.Content.Length,
                    Content = f.Content,
                    ExtractedText = c.Text,
                    UploadedAtUtc = now,
                });
            }
        }
        return result;
    }

    public static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.Message is { } m && (m.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) || m.Contains("duplicate key", StringComparison.OrdinalIgnoreCase));
}

/// <summary>Registers a document under a new symbol, with its sources, references and files, all at once.</summary>
public sealed class RegisterDocument(CadreDbContext db)
{
    public sealed record Request(
        string Symbol,
        DocumentType Type,
        IReadOnlyDictionary<string, string?> Title,
        DocumentAccess Access = DocumentAccess.Public,
        IReadOnlyList<string>? SourceMembers = null,
        bool FromSecretariat = false,
        DateOnly? DocumentDate = null,
        int? BodyId = null,
        int? MeetingId = null,
        IReadOnlyList<string>? References = null,
        IReadOnlyList<FileUpload>? Files = null,
        string? OriginalLanguage = null);

    public async Task<Document> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        DocumentPermissions.EnsureCanRegister(db.Actor);
        var v = new Validation();
        var symbol = DocumentInput.Symbol(v, "symbol", request.Symbol);
        _ = SymbolGrammar.TryParse(request.Symbol, out var withLanguage, out _);
        var title = DocumentInput.Title(v, request.Title);
        if (!Enum.IsDefined(request.Type)) v.Add("type", Messages.Get("Error.Document.Type"));
        if (!Enum.IsDefined(request.Access)) v.Add("access", Messages.Get("Error.Document.Access"));
        var language = request.OriginalLanguage
            ?? (withLanguage?.Language is { } suffix ? SymbolGrammar.LanguageSuffixes[suffix] : "en");
        if (!LocalizedText.IsSupported(language)) v.Add("originalLanguage", Messages.Format("Error.UnknownLanguage", language));

        var memberCodes = (request.SourceMembers ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        if (request.FromSecretariat && memberCodes.Count > 0) v.Add("sourceMembers", Messages.Get("Error.Document.SourceBoth"));
        if (!request.FromSecretariat && memberCodes.Count == 0) v.Add("sourceMembers", Messages.Get("Error.Document.SourceMissing"));
        var members = await db.Members.Where(m => memberCodes.Contains(m.Code)).ToListAsync(ct);
        foreach (var unknown in memberCodes.Where(c => members.All(m => m.Code != c))) v.Add("sourceMembers", Messages.Format("Error.Document.UnknownMember", unknown));

        var referenced = new List<Document>();
        foreach (var r in request.References ?? [])
        {
            var refSymbol = DocumentInput.Symbol(v, "references", r);
            if (refSymbol is null) continue;
            var canonical = refSymbol.ToString();
            var target = await db.Documents.FirstOrDefaultAsync(d => d.Symbol == canonical, ct);
            if (target is null) v.Add("references", Messages.Format("Error.Document.UnknownReference", canonical));
            else if (referenced.All(d => d.Id != target.Id)) referenced.Add(target);
        }
        var files = DocumentInput.Files(v, request.Files, db.UtcNow);
        await GovernanceLinks.CheckBodyAndMeetingAsync(db, v, request.BodyId, request.MeetingId, symbol, ct);

        var text = symbol?.ToString();
        if (text is not null && await db.Documents.AnyAsync(d => d.Symbol == text, ct)) v.Add("symbol", Messages.Format("Error.Document.DuplicateSymbol", text));
        v.ThrowIfAny();

        var document = new Document
        {
            Symbol = text!,
            BaseSymbol = symbol!.BaseSymbol,
            SymbolBody = symbol.Body,
            Type = request.Type,
            Title = title,
            OriginalLanguage = language,
            Access = request.Access,
            FromSecretariat = request.FromSecretariat,
            DocumentDate = request.DocumentDate,
            RegisteredAtUtc = db.UtcNow,
            BodyId = request.BodyId,
            MeetingId = request.MeetingId,
            Sources = members.Select(m => new DocumentSource { MemberId = m.Id }).ToList(),
            Files = files,
            References = referenced.Select(r => new DocumentReference { ReferencedDocumentId = r.Id }).ToList(),
        };
        document.SearchText = SearchFolding.Build(document);
        db.Documents.Add(document);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DocumentInput.IsUniqueViolation(ex))
        {
            // Another request registered the same symbol between the check and the insert.
            throw new ValidationFailedException("symbol", Messages.Format("Error.Document.DuplicateSymbol", text));
        }
        return document;
    }
}

/// <summary>Adds or replaces the file of one language of a document and re-indexes its text.</summary>
public sealed class UploadDocumentFile(CadreDbContext db)
{
    public sealed record Request(int DocumentId, int? Version, FileUpload File);

    public async Task<Document> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        DocumentPermissions.EnsureCanRegister(db.Actor);
        var document = await db.Documents.Include(d => d.Files).FirstOrDefaultAsync(d => d.Id == request.DocumentId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Document", request.DocumentId));
        db.ExpectVersion(document, request.Version);
        var v = new Validation();
        var files = DocumentInput.Files(v, [request.File], db.UtcNow);
        v.ThrowIfAny();
        var existing = document.Files.FirstOrDefault(f => f.Language == request.File.Language);
        if (existing is not null) document.Files.Remove(existing);
        else if (document.Files.Count >= DocumentFiles.MaxFilesPerDocument)
        {
            throw new ValidationFailedException("file", Messages.Format("Error.Document.TooManyFiles", DocumentFiles.MaxFilesPerDocument));
        }
        document.Files.Add(files[0]);
        document.SearchText = SearchFolding.Build(document);
        // The document row changes too (its search text), so its version goes up and a stale upload conflicts.
        db.Entry(document).Property(d => d.SearchText).IsModified = true;
        await db.SaveChangesAsync(ct);
        return document;
    }
}

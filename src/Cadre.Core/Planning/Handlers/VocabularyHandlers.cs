using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Planning.Handlers;

public sealed class SaveVocabulary(CadreDbContext db)
{
    public sealed record Request(int? VocabularyId, int? Version, string Code, IReadOnlyDictionary<string, string?> Name);

    public async Task<Vocabulary> HandleAsync(Request request, CancellationToken ct = default)
    {
        PlanningPermissions.EnsureCanEdit(db.Actor);
        Vocabulary? vocabulary = null;
        if (request.VocabularyId is int id)
        {
            vocabulary = await db.Vocabularies.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(Messages.Format("Error.NotFound.Vocabulary", id));
            db.ExpectVersion(vocabulary, request.Version);
        }
        var v = new Validation();
        var code = PlanningInput.NormalizeCode(request.Code);
        PlanningInput.Code(v, "code", code);
        var name = PlanningInput.Text(v, "name", request.Name, 200, required: true);
        if (!v.HasErrors && await db.Vocabularies.AnyAsync(x => x.Code == code && x != vocabulary, ct)) v.Add("code", Messages.Format("Error.DuplicateVocabularyCode", code));
        v.ThrowIfAny();
        if (vocabulary is null)
        {
            vocabulary = new Vocabulary { SortOrder = await db.Vocabularies.CountAsync(ct) };
            db.Vocabularies.Add(vocabulary);
        }
        vocabulary.Code = code!;
        vocabulary.Name = name;
        await db.SaveChangesAsync(ct);
        return vocabulary;
    }
}

public sealed class SaveVocabularyEntry(CadreDbContext db)
{
    public sealed record Request(int VocabularyId, int? EntryId, int? Version, string Code, IReadOnlyDictionary<string, string?> Title, string? ParentCode = null);

    public async Task<VocabularyEntry> HandleAsync(Request request, CancellationToken ct = default)
    {
        PlanningPermissions.EnsureCanEdit(db.Actor);
        var vocabulary = await db.Vocabularies.FirstOrDefaultAsync(x => x.Id == request.VocabularyId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Vocabulary", request.VocabularyId));
        VocabularyEntry? entry = null;
        if (request.EntryId is int id)
        {
            entry = await db.VocabularyEntries.FirstOrDefaultAsync(x => x.Id == id && x.VocabularyId == vocabulary.Id, ct)
                ?? throw new NotFoundException(Messages.Format("Error.NotFound.Entry", id));
            db.ExpectVersion(entry, request.Version);
        }
        var v = new Validation();
        var code = PlanningInput.NormalizeCode(request.Code);
        if (string.IsNullOrWhiteSpace(code)) v.Add("code", Messages.Get("Error.Required"));
        else if (code.Length > 40) v.Add("code", Messages.Format("Error.TooLong", 40));
        var title = PlanningInput.Text(v, "title", request.Title, 600, required: true);
        VocabularyEntry? parent = null;
        if (!string.IsNullOrWhiteSpace(request.ParentCode))
        {
            parent = await db.VocabularyEntries.FirstOrDefaultAsync(x => x.VocabularyId == vocabulary.Id && x.Code == request.ParentCode, ct);
            if (parent is null || parent == entry) v.Add("parentCode", Messages.Format("Error.NotFound.Entry", request.ParentCode));
        }
        if (!v.HasErrors && await db.VocabularyEntries.AnyAsync(x => x.VocabularyId == vocabulary.Id && x.Code == code && x != entry, ct))
        {
            v.Add("code", Messages.Format("Error.DuplicateEntryCode", code));
        }
        v.ThrowIfAny();
        if (entry is null)
        {
            entry = new VocabularyEntry { VocabularyId = vocabulary.Id, SortOrder = await db.VocabularyEntries.CountAsync(x => x.VocabularyId == vocabulary.Id, ct) };
            db.VocabularyEntries.Add(entry);
        }
        entry.Code = code!;
        entry.Title = title;
        entry.ParentEntryId = parent?.Id;
        await db.SaveChangesAsync(ct);
        return entry;
    }
}

public sealed class DeleteVocabularyEntry(CadreDbContext db)
{
    public sealed record Request(int EntryId);

    public async Task HandleAsync(Request request, CancellationToken ct = default)
    {
        PlanningPermissions.EnsureCanEdit(db.Actor);
        var entry = await db.VocabularyEntries.FirstOrDefaultAsync(x => x.Id == request.EntryId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Entry", request.EntryId));
        var used = await db.ElementLinks.CountAsync(l => l.VocabularyEntryId == entry.Id, ct);
        if (used > 0) throw new ValidationFailedException("entry", Messages.Format("Error.VocabularyEntryInUse", entry.Code, used));
        foreach (var child in await db.VocabularyEntries.Where(x => x.ParentEntryId == entry.Id).ToListAsync(ct)) child.ParentEntryId = null;
        db.VocabularyEntries.Remove(entry);
        await db.SaveChangesAsync(ct);
    }
}

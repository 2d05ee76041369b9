using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Planning.Handlers;

/// <summary>Links an element to a vocabulary entry, or to an element of another plan.</summary>
public sealed class LinkElement(CadreDbContext db)
{
    public sealed record Request(int ElementId, int? VocabularyEntryId, int? TargetElementId, string? Note = null);

    public async Task<ElementLink> HandleAsync(Request request, CancellationToken ct = default)
    {
        var element = await db.PlanElements.FirstOrDefaultAsync(e => e.Id == request.ElementId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Element", request.ElementId));
        await PlanningInput.PlanForEditAsync(db, element.PlanId, ct);
        var v = new Validation();
        v.MaxLength("note", request.Note, 1000);
        if (request.VocabularyEntryId is null == request.TargetElementId is null) v.Add("target", Messages.Get("Error.LinkTarget"));
        if (request.VocabularyEntryId is int entryId && !await db.VocabularyEntries.AnyAsync(x => x.Id == entryId, ct))
        {
            v.Add("vocabularyEntryId", Messages.Format("Error.NotFound.Entry", entryId));
        }
        if (request.TargetElementId is int targetId)
        {
            var target = await db.PlanElements.Where(x => x.Id == targetId).Select(x => new { x.PlanId }).FirstOrDefaultAsync(ct);
            if (target is null) v.Add("targetElementId", Messages.Format("Error.NotFound.Element", targetId));
            else if (target.PlanId == element.PlanId) v.Add("targetElementId", Messages.Get("Error.LinkSamePlan"));
        }
        if (!v.HasErrors && await db.ElementLinks.AnyAsync(l => l.ElementId == element.Id && l.VocabularyEntryId == request.VocabularyEntryId && l.TargetElementId == request.TargetElementId, ct))
        {
            v.Add("target", Messages.Get("Error.LinkExists"));
        }
        v.ThrowIfAny();

        var link = new ElementLink
        {
            ElementId = element.Id,
            VocabularyEntryId = request.VocabularyEntryId,
            TargetElementId = request.TargetElementId,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        };
        db.ElementLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return link;
    }
}

public sealed class UnlinkElement(CadreDbContext db)
{
    public sealed record Request(int LinkId);

    public async Task HandleAsync(Request request, CancellationToken ct = default)
    {
        var link = await db.ElementLinks.Include(l => l.Element).FirstOrDefaultAsync(l => l.Id == request.LinkId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Link", request.LinkId));
        await PlanningInput.PlanForEditAsync(db, link.Element!.PlanId, ct);
        db.ElementLinks.Remove(link);
        await db.SaveChangesAsync(ct);
    }
}

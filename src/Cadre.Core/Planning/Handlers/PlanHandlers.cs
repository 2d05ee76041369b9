using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Planning.Handlers;

public sealed class CreatePlan(CadreDbContext db)
{
    public sealed record Request(
        PlanKind Kind,
        string Code,
        IReadOnlyDictionary<string, string?> Title,
        IReadOnlyDictionary<string, string?>? Description,
        int StartYear,
        int EndYear,
        string OriginalLanguage = "en",
        string? Framework = FrameworkTemplates.ItuStrategic,
        string? OwnerUnit = null);

    public async Task<Plan> HandleAsync(Request request, CancellationToken ct = default)
    {
        PlanningPermissions.EnsureCanEdit(db.Actor);
        var v = new Validation();
        var code = PlanningInput.NormalizeCode(request.Code);
        PlanningInput.Code(v, "code", code);
        var title = PlanningInput.Text(v, "title", request.Title, 400, required: true);
        var description = PlanningInput.Text(v, "description", request.Description, 4000, required: false);
        PlanningInput.Years(v, request.StartYear, request.EndYear);
        PlanningInput.Language(v, "originalLanguage", request.OriginalLanguage);
        v.MaxLength("ownerUnit", request.OwnerUnit, 40);
        var levels = FrameworkTemplates.Create(request.Framework);
        if (levels is null) v.Add("framework", Messages.Format("Error.UnknownLevelTemplate", request.Framework));
        if (!v.HasErrors && await db.Plans.AnyAsync(p => p.Code == code, ct)) v.Add("code", Messages.Format("Error.DuplicatePlanCode", code));
        v.ThrowIfAny();

        var plan = new Plan
        {
            Kind = request.Kind,
            Code = code!,
            Title = title,
            Description = description,
            OriginalLanguage = request.OriginalLanguage,
            StartYear = request.StartYear,
            EndYear = request.EndYear,
            Status = PlanStatus.Draft,
            OwnerUnit = string.IsNullOrWhiteSpace(request.OwnerUnit) ? null : request.OwnerUnit.Trim(),
            Levels = levels!,
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }
}

public sealed class UpdatePlan(CadreDbContext db)
{
    public sealed record Request(
        int PlanId,
        int? Version,
        string? Code,
        IReadOnlyDictionary<string, string?>? Title,
        IReadOnlyDictionary<string, string?>? Description,
        int? StartYear,
        int? EndYear,
        string? OwnerUnit = null);

    public async Task<Plan> HandleAsync(Request request, CancellationToken ct = default)
    {
        var plan = await PlanningInput.PlanForEditAsync(db, request.PlanId, ct);
        db.ExpectVersion(plan, request.Version);
        var v = new Validation();
        var code = request.Code is null ? plan.Code : PlanningInput.NormalizeCode(request.Code);
        PlanningInput.Code(v, "code", code);
        var title = PlanningInput.Text(v, "title", request.Title, 400, required: false);
        var description = PlanningInput.Text(v, "description", request.Description, 4000, required: false);
        var start = request.StartYear ?? plan.StartYear;
        var end = request.EndYear ?? plan.EndYear;
        PlanningInput.Years(v, start, end);
        v.MaxLength("ownerUnit", request.OwnerUnit, 40);
        if (!v.HasErrors && code != plan.Code && await db.Plans.AnyAsync(p => p.Code == code, ct)) v.Add("code", Messages.Format("Error.DuplicatePlanCode", code));
        v.ThrowIfAny();

        var newTitle = plan.Title.Copy();
        PlanningInput.Merge(newTitle, title, request.Title);
        if (newTitle.IsEmpty) new Validation().Add("title", Messages.Get("Error.TitleRequired")).ThrowIfAny();
        plan.Code = code!;
        plan.Title = newTitle;
        var newDescription = plan.Description.Copy();
        PlanningInput.Merge(newDescription, description, request.Description);
        plan.Description = newDescription;
        plan.StartYear = start;
        plan.EndYear = end;
        if (request.OwnerUnit is not null) plan.OwnerUnit = string.IsNullOrWhiteSpace(request.OwnerUnit) ? null : request.OwnerUnit.Trim();
        await db.SaveChangesAsync(ct);
        return plan;
    }
}

/// <summary>Moves a plan through draft → adopted → superseded; adoption records the adopting instrument.</summary>
public sealed class ChangePlanStatus(CadreDbContext db)
{
    public sealed record Request(int PlanId, int? Version, PlanStatus Status, string? AdoptedBy);

    public async Task<Plan> HandleAsync(Request request, CancellationToken ct = default)
    {
        PlanningPermissions.EnsureCanEdit(db.Actor);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == request.PlanId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Plan", request.PlanId));
        db.ExpectVersion(plan, request.Version);
        var allowed = (plan.Status, request.Status) switch
        {
            (PlanStatus.Draft, PlanStatus.Adopted) => true,
            (PlanStatus.Adopted, PlanStatus.Superseded) => true,
            (PlanStatus.Adopted, PlanStatus.Draft) => true,
            _ => false,
        };
        var v = new Validation();
        if (!allowed) v.Add("status", Messages.Format("Error.StatusTransition", plan.Status, request.Status));
        if (request.Status == PlanStatus.Adopted) v.Require("adoptedBy", request.AdoptedBy, 300);
        v.ThrowIfAny();

        plan.Status = request.Status;
        if (request.Status == PlanStatus.Adopted)
        {
            plan.AdoptedBy = request.AdoptedBy!.Trim();
            plan.AdoptedAtUtc = db.UtcNow;
        }
        else if (request.Status == PlanStatus.Draft)
        {
            plan.AdoptedBy = null;
            plan.AdoptedAtUtc = null;
        }
        await db.SaveChangesAsync(ct);
        return plan;
    }
}

/// <summary>Deletes a draft plan with its levels, elements and links.</summary>
public sealed class DeletePlan(CadreDbContext db)
{
    public sealed record Request(int PlanId, int? Version);

    public async Task HandleAsync(Request request, CancellationToken ct = default)
    {
        var plan = await PlanningInput.PlanForEditAsync(db, request.PlanId, ct);
        db.ExpectVersion(plan, request.Version);
        if (plan.Status != PlanStatus.Draft) throw new ValidationFailedException("status", Messages.Get("Error.PlanNotDraft"));
        await Reporting.Handlers.PlanReports.RemoveDraftsOrRefuseAsync(db, plan.Id, ct);
        var elements = await db.PlanElements.Where(e => e.PlanId == plan.Id).ToListAsync(ct);
        var ids = elements.Select(e => e.Id).ToList();
        var links = await db.ElementLinks.Where(l => ids.Contains(l.ElementId) || (l.TargetElementId != null && ids.Contains(l.TargetElementId.Value))).ToListAsync(ct);
        db.ElementLinks.RemoveRange(links);
        foreach (var e in elements) e.ParentId = null;
        db.PlanElements.RemoveRange(elements);
        db.FrameworkLevels.RemoveRange(await db.FrameworkLevels.Where(l => l.PlanId == plan.Id).ToListAsync(ct));
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Prepares the next plan from the current one (as the Council does): a draft copy of the levels,
/// the element tree and its links, for a new period.
/// </summary>
public sealed class ClonePlan(CadreDbContext db)
{
    public sealed record Request(int SourcePlanId, string NewCode, int StartYear, int EndYear, IReadOnlyDictionary<string, string?>? Title = null);

    public async Task<Plan> HandleAsync(Request request, CancellationToken ct = default)
    {
        PlanningPermissions.EnsureCanEdit(db.Actor);
        var source = await db.Plans.AsNoTracking().Include(p => p.Levels).FirstOrDefaultAsync(p => p.Id == request.SourcePlanId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Plan", request.SourcePlanId));
        var v = new Validation();
        var code = PlanningInput.NormalizeCode(request.NewCode);
        PlanningInput.Code(v, "newCode", code);
        PlanningInput.Years(v, request.StartYear, request.EndYear);
        var title = PlanningInput.Text(v, "title", request.Title, 400, required: false);
        if (!v.HasErrors && await db.Plans.AnyAsync(p => p.Code == code, ct)) v.Add("newCode", Messages.Format("Error.DuplicatePlanCode", code));
        v.ThrowIfAny();

        var elements = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == source.Id).ToListAsync(ct);
        var elementIds = elements.Select(e => e.Id).ToList();
        var links = await db.ElementLinks.AsNoTracking().Where(l => elementIds.Contains(l.ElementId)).ToListAsync(ct);

        var clone = new Plan
        {
            Kind = source.Kind,
            Code = code!,
            Title = title.IsEmpty ? source.Title.Copy() : title,
            Description = source.Description.Copy(),
            OriginalLanguage = source.OriginalLanguage,
            StartYear = request.StartYear,
            EndYear = request.EndYear,
            Status = PlanStatus.Draft,
            PreviousPlanId = source.Id,
            OwnerUnit = source.OwnerUnit,
        };
        var levelMap = new Dictionary<int, FrameworkLevel>();
        foreach (var l in source.Levels)
        {
            var copy = new FrameworkLevel { Code = l.Code, Name = l.Name.Copy(), SortOrder = l.SortOrder, AllowedAtRoot = l.AllowedAtRoot, AllowedParentCodes = l.AllowedParentCodes };
            levelMap[l.Id] = copy;
            clone.Levels.Add(copy);
        }
        var elementMap = new Dictionary<int, PlanElement>();
        foreach (var e in elements)
        {
            var copy = new PlanElement { Code = e.Code, Title = e.Title.Copy(), Description = e.Description.Copy(), Weight = e.Weight, SortOrder = e.SortOrder, Level = levelMap[e.LevelId] };
            elementMap[e.Id] = copy;
            clone.Elements.Add(copy);
        }
        foreach (var e in elements)
        {
            if (e.ParentId is int p) elementMap[e.Id].Parent = elementMap[p];
        }
        foreach (var l in links)
        {
            elementMap[l.ElementId].Links.Add(new ElementLink { VocabularyEntryId = l.VocabularyEntryId, TargetElementId = l.TargetElementId, Note = l.Note });
        }
        db.Plans.Add(clone);
        await db.SaveChangesAsync(ct);
        return clone;
    }
}

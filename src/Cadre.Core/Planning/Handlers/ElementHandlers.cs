using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Planning.Handlers;

public sealed class CreateElement(CadreDbContext db)
{
    public sealed record Request(
        int PlanId,
        int? ParentId,
        string Level,
        string Code,
        IReadOnlyDictionary<string, string?> Title,
        IReadOnlyDictionary<string, string?>? Description = null,
        decimal? Weight = null,
        int? Position = null);

    public async Task<PlanElement> HandleAsync(Request request, CancellationToken ct = default)
    {
        var plan = await PlanningInput.PlanForEditAsync(db, request.PlanId, ct);
        var (nodes, rules) = await PlanningInput.TreeAsync(db, plan.Id, ct);
        var v = new Validation();
        var code = PlanningInput.NormalizeCode(request.Code);
        PlanningInput.Code(v, "code", code);
        var title = PlanningInput.Text(v, "title", request.Title, 400, required: true);
        var description = PlanningInput.Text(v, "description", request.Description, 4000, required: false);
        var weight = request.Weight ?? 1m;
        if (weight is < 0 or > 1000) v.Add("weight", Messages.Get("Error.WeightRange"));
        var level = await db.FrameworkLevels.FirstOrDefaultAsync(l => l.PlanId == plan.Id && l.Code == request.Level, ct);
        if (level is null) v.Add("level", Messages.Format("Error.NotFound.Level", request.Level));
        if (request.ParentId is int pid && !nodes.ContainsKey(pid))
        {
            var exists = await db.PlanElements.AnyAsync(e => e.Id == pid, ct);
            v.Add("parentId", exists ? Messages.Get("Error.ParentInOtherPlan") : Messages.Format("Error.NotFound.Element", pid));
        }
        if (!v.HasErrors)
        {
            var parentLevel = request.ParentId is int p ? nodes[p].LevelCode : null;
            if (!TreeRules.CanSitUnder(rules[level!.Code], parentLevel))
            {
                v.Add("level", parentLevel is null
                    ? Messages.Format("Error.LevelNotAllowedAtRoot", level.Code)
                    : Messages.Format("Error.LevelNotAllowedUnder", level.Code, parentLevel));
            }
            if (nodes.Values.Any(n => n.Code == code)) v.Add("code", Messages.Format("Error.DuplicateElementCode", code));
        }
        v.ThrowIfAny();

        var element = new PlanElement
        {
            PlanId = plan.Id,
            ParentId = request.ParentId,
            LevelId = level!.Id,
            Code = code!,
            Title = title,
            Description = description,
            Weight = weight,
        };
        var siblings = nodes.Values.Where(n => n.ParentId == request.ParentId).ToList();
        if (request.Position is int position)
        {
            // Place it, then renumber its siblings around it.
            var order = TreeRules.Reorder(siblings.Append(new TreeNode(0, request.ParentId, level.Code, int.MaxValue, code!)), 0, position);
            var tracked = await db.PlanElements.Where(e => e.PlanId == plan.Id && e.ParentId == request.ParentId).ToListAsync(ct);
            foreach (var (id, sort) in order)
            {
                if (id == 0) element.SortOrder = sort;
                else
                {
                    var s = tracked.First(t => t.Id == id);
                    if (s.SortOrder != sort) s.SortOrder = sort;
                }
            }
        }
        else
        {
            element.SortOrder = siblings.Count == 0 ? 0 : siblings.Max(s => s.SortOrder) + 1;
        }
        db.PlanElements.Add(element);
        await db.SaveChangesAsync(ct);
        return element;
    }
}

public sealed class UpdateElement(CadreDbContext db)
{
    public sealed record Request(
        int ElementId,
        int? Version,
        string? Code,
        IReadOnlyDictionary<string, string?>? Title,
        IReadOnlyDictionary<string, string?>? Description,
        decimal? Weight,
        string? Level = null);

    public async Task<PlanElement> HandleAsync(Request request, CancellationToken ct = default)
    {
        var element = await db.PlanElements.Include(e => e.Level).FirstOrDefaultAsync(e => e.Id == request.ElementId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Element", request.ElementId));
        await PlanningInput.PlanForEditAsync(db, element.PlanId, ct);
        db.ExpectVersion(element, request.Version);
        var v = new Validation();
        var code = request.Code is null ? element.Code : PlanningInput.NormalizeCode(request.Code);
        PlanningInput.Code(v, "code", code);
        var title = PlanningInput.Text(v, "title", request.Title, 400, required: false);
        var description = PlanningInput.Text(v, "description", request.Description, 4000, required: false);
        if (request.Weight is < 0 or > 1000) v.Add("weight", Messages.Get("Error.WeightRange"));
        if (!v.HasErrors && code != element.Code && await db.PlanElements.AnyAsync(e => e.PlanId == element.PlanId && e.Code == code, ct))
        {
            v.Add("code", Messages.Format("Error.DuplicateElementCode", code));
        }
        FrameworkLevel? newLevel = null;
        if (request.Level is not null && request.Level != element.Level!.Code)
        {
            newLevel = await db.FrameworkLevels.FirstOrDefaultAsync(l => l.PlanId == element.PlanId && l.Code == request.Level, ct);
            if (newLevel is null) v.Add("level", Messages.Format("Error.NotFound.Level", request.Level));
        }
        v.ThrowIfAny();

        if (newLevel is not null)
        {
            var (nodes, rules) = await PlanningInput.TreeAsync(db, element.PlanId, ct);
            var parentLevel = element.ParentId is int p ? nodes[p].LevelCode : null;
            if (!TreeRules.CanSitUnder(rules[newLevel.Code], parentLevel))
            {
                v.Add("level", parentLevel is null
                    ? Messages.Format("Error.LevelNotAllowedAtRoot", newLevel.Code)
                    : Messages.Format("Error.LevelNotAllowedUnder", newLevel.Code, parentLevel));
            }
            foreach (var child in nodes.Values.Where(n => n.ParentId == element.Id))
            {
                if (!TreeRules.CanSitUnder(rules[child.LevelCode], newLevel.Code))
                {
                    v.Add("level", Messages.Format("Error.ChildrenNotAllowed", newLevel.Code));
                    break;
                }
            }
            v.ThrowIfAny();
            element.LevelId = newLevel.Id;
        }

        element.Code = code!;
        var newTitle = element.Title.Copy();
        PlanningInput.Merge(newTitle, title, request.Title);
        if (newTitle.IsEmpty) new Validation().Add("title", Messages.Get("Error.TitleRequired")).ThrowIfAny();
        element.Title = newTitle;
        var newDescription = element.Description.Copy();
        PlanningInput.Merge(newDescription, description, request.Description);
        element.Description = newDescription;
        if (request.Weight is decimal w) element.Weight = w;
        await db.SaveChangesAsync(ct);
        return element;
    }
}

/// <summary>Moves an element (with its subtree) under another parent or to the root, at a position among its new siblings.</summary>
public sealed class MoveElement(CadreDbContext db)
{
    public sealed record Request(int ElementId, int? Version, int? NewParentId, int? Position = null);

    public async Task<PlanElement> HandleAsync(Request request, CancellationToken ct = default)
    {
        var element = await db.PlanElements.FirstOrDefaultAsync(e => e.Id == request.ElementId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Element", request.ElementId));
        await PlanningInput.PlanForEditAsync(db, element.PlanId, ct);
        db.ExpectVersion(element, request.Version);
        var (nodes, rules) = await PlanningInput.TreeAsync(db, element.PlanId, ct);
        if (request.NewParentId is int pid && !nodes.ContainsKey(pid))
        {
            var exists = await db.PlanElements.AnyAsync(e => e.Id == pid, ct);
            throw new ValidationFailedException("newParentId", exists ? Messages.Get("Error.ParentInOtherPlan") : Messages.Format("Error.NotFound.Element", pid));
        }
        var verdict = TreeRules.CheckMove(nodes, rules, element.Id, request.NewParentId);
        var node = nodes[element.Id];
        var message = verdict switch
        {
            MoveVerdict.Allowed => null,
            MoveVerdict.UnderItself => Messages.Get("Error.MoveUnderSelf"),
            MoveVerdict.UnderDescendant => Messages.Format("Error.MoveUnderDescendant", node.Code, nodes[request.NewParentId!.Value].Code),
            MoveVerdict.LevelNotAllowedAtRoot => Messages.Format("Error.LevelNotAllowedAtRoot", node.LevelCode),
            _ => Messages.Format("Error.LevelNotAllowedUnder", node.LevelCode, nodes[request.NewParentId!.Value].LevelCode),
        };
        if (message is not null) throw new ValidationFailedException("newParentId", message);

        var siblings = nodes.Values.Where(n => n.ParentId == request.NewParentId && n.Id != element.Id).Append(node);
        var order = TreeRules.Reorder(siblings, element.Id, request.Position);
        var ids = order.Select(o => o.Id).ToList();
        var tracked = await db.PlanElements.Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        element.ParentId = request.NewParentId;
        foreach (var (id, sort) in order)
        {
            var e = tracked.First(t => t.Id == id);
            if (e.SortOrder != sort) e.SortOrder = sort;
        }
        await db.SaveChangesAsync(ct);
        return element;
    }
}

/// <summary>Deletes an element together with its subtree and every link from or to them.</summary>
public sealed class DeleteElement(CadreDbContext db)
{
    public sealed record Request(int ElementId, int? Version);

    public sealed record Result(int DeletedElements, int DeletedLinks);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct = default)
    {
        var element = await db.PlanElements.FirstOrDefaultAsync(e => e.Id == request.ElementId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Element", request.ElementId));
        await PlanningInput.PlanForEditAsync(db, element.PlanId, ct);
        db.ExpectVersion(element, request.Version);
        var (nodes, _) = await PlanningInput.TreeAsync(db, element.PlanId, ct);
        var subtree = TreeRules.Subtree(nodes.Values, element.Id);
        // A risk of the register keeps its element (the database refuses otherwise): say so rather than fail on the delete.
        var risks = await db.Risks.Where(r => subtree.Contains(r.ElementId)).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(ct);
        if (risks.Count > 0) throw new ValidationFailedException("elementId", Messages.Format("Error.Element.HasRisks", string.Join(", ", risks)));
        var elements = await db.PlanElements.Where(e => subtree.Contains(e.Id)).ToListAsync(ct);
        var links = await db.ElementLinks
            .Where(l => subtree.Contains(l.ElementId) || (l.TargetElementId != null && subtree.Contains(l.TargetElementId.Value)))
            .ToListAsync(ct);
        db.ElementLinks.RemoveRange(links);
        db.PlanElements.RemoveRange(elements);
        await db.SaveChangesAsync(ct);
        return new Result(elements.Count, links.Count);
    }
}

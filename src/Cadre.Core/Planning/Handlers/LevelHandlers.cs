using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Planning.Handlers;

/// <summary>Adds or changes a framework level and the levels it may sit under.</summary>
public sealed class SaveFrameworkLevel(CadreDbContext db)
{
    public sealed record Request(
        int PlanId,
        int? LevelId,
        int? Version,
        string Code,
        IReadOnlyDictionary<string, string?> Name,
        bool AllowedAtRoot,
        IReadOnlyList<string>? AllowedParents,
        int? SortOrder = null);

    public async Task<FrameworkLevel> HandleAsync(Request request, CancellationToken ct = default)
    {
        var plan = await PlanningInput.PlanForEditAsync(db, request.PlanId, ct);
        var levels = await db.FrameworkLevels.Where(l => l.PlanId == plan.Id).ToListAsync(ct);
        FrameworkLevel? level = null;
        if (request.LevelId is int id)
        {
            level = levels.FirstOrDefault(l => l.Id == id) ?? throw new NotFoundException(Messages.Format("Error.NotFound.Level", id));
            db.ExpectVersion(level, request.Version);
        }
        var v = new Validation();
        var code = PlanningInput.NormalizeCode(request.Code);
        PlanningInput.Code(v, "code", code);
        var name = PlanningInput.Text(v, "name", request.Name, 200, required: true);
        var parents = (request.AllowedParents ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var knownCodes = levels.Where(l => l != level).Select(l => l.Code).Append(code).ToHashSet(StringComparer.Ordinal);
        foreach (var p in parents.Where(p => !knownCodes.Contains(p))) v.Add("allowedParents", Messages.Format("Error.UnknownParentLevel", p));
        if (levels.Any(l => l != level && l.Code == code)) v.Add("code", Messages.Format("Error.DuplicateLevelCode", code));
        v.ThrowIfAny();

        var isNew = level is null;
        level ??= new FrameworkLevel { PlanId = plan.Id, SortOrder = levels.Count == 0 ? 0 : levels.Max(l => l.SortOrder) + 1 };
        var oldCode = level.Code;
        level.Code = code!;
        level.Name = name;
        level.AllowedAtRoot = request.AllowedAtRoot;
        level.AllowedParentCodes = string.Join(",", parents);
        if (request.SortOrder is int order) level.SortOrder = order;
        if (isNew)
        {
            db.FrameworkLevels.Add(level);
        }
        else
        {
            if (oldCode != level.Code)
            {
                // Other levels refer to this one by code.
                foreach (var other in levels.Where(l => l != level && l.ParentCodes.Contains(oldCode)))
                {
                    other.AllowedParentCodes = string.Join(",", other.ParentCodes.Select(c => c == oldCode ? level.Code : c));
                }
            }
            await EnsureTreeStillValidAsync(level, levels, ct);
        }
        await db.SaveChangesAsync(ct);
        return level;
    }

    /// <summary>A changed rule must not leave existing elements where they are no longer allowed.</summary>
    private async Task EnsureTreeStillValidAsync(FrameworkLevel changed, List<FrameworkLevel> levels, CancellationToken ct)
    {
        var rules = levels.ToDictionary(l => l.Id, PlanningInput.ToRule);
        var elements = await db.PlanElements.Where(e => e.PlanId == changed.PlanId).Select(e => new { e.Id, e.ParentId, e.LevelId }).ToListAsync(ct);
        var levelOf = elements.ToDictionary(e => e.Id, e => e.LevelId);
        foreach (var e in elements.Where(e => e.LevelId == changed.Id))
        {
            var parentLevel = e.ParentId is int p ? rules[levelOf[p]].Code : null;
            if (!TreeRules.CanSitUnder(rules[changed.Id], parentLevel))
            {
                throw new ValidationFailedException("allowedParents", parentLevel is null
                    ? Messages.Format("Error.LevelNotAllowedAtRoot", changed.Code)
                    : Messages.Format("Error.LevelNotAllowedUnder", changed.Code, parentLevel));
            }
        }
    }
}

public sealed class DeleteFrameworkLevel(CadreDbContext db)
{
    public sealed record Request(int PlanId, int LevelId);

    public async Task HandleAsync(Request request, CancellationToken ct = default)
    {
        var plan = await PlanningInput.PlanForEditAsync(db, request.PlanId, ct);
        var level = await db.FrameworkLevels.FirstOrDefaultAsync(l => l.PlanId == plan.Id && l.Id == request.LevelId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Level", request.LevelId));
        var used = await db.PlanElements.CountAsync(e => e.LevelId == level.Id, ct);
        if (used > 0) throw new ValidationFailedException("level", Messages.Format("Error.LevelInUse", level.Code, used));
        db.FrameworkLevels.Remove(level);
        await db.SaveChangesAsync(ct);
    }
}

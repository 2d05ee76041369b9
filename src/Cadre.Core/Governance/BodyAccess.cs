using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Governance;

/// <summary>Who belongs to a body, who chairs it, and who may manage its meetings and statements.</summary>
public static class BodyAccess
{
    /// <summary>The Member ids of a body with a list of Members; null when the body is open to every Member.</summary>
    public static async Task<IReadOnlyList<int>?> MemberIdsAsync(CadreDbContext db, int bodyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rule = await db.Bodies.Where(b => b.Id == bodyId).Select(b => (MembershipRule?)b.Membership).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(Messages.Get("Problem.NotFound"));
        if (rule == MembershipRule.OpenToSector) return null;
        return await db.BodyMembers.Where(m => m.BodyId == bodyId).Select(m => m.MemberId).ToListAsync(ct);
    }

    /// <summary>True when the Member takes part in the body (open body, or listed).</summary>
    public static async Task<bool> IsMemberAsync(CadreDbContext db, int bodyId, int memberId, CancellationToken ct)
    {
        var ids = await MemberIdsAsync(db, bodyId, ct);
        return ids is null || ids.Contains(memberId);
    }

    /// <summary>True when the user is a chair or vice-chair of the body serving on <paramref name="today"/>.</summary>
    public static async Task<bool> IsOfficerAsync(CadreDbContext db, int bodyId, string? userId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (userId is null) return false;
        return await db.BodyOfficers.AnyAsync(o => o.BodyId == bodyId && o.UserId == userId
            && (o.TermFrom == null || o.TermFrom <= today) && (o.TermTo == null || o.TermTo >= today), ct);
    }

    /// <summary>The secretariat (Admin, Planner) manages every body; a Chair manages the bodies they are an officer of.</summary>
    public static async Task<bool> CanManageAsync(CadreDbContext db, ICurrentActor actor, int bodyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAuthenticated) return false;
        if (actor.IsInRole(Roles.Admin) || actor.IsInRole(Roles.Planner)) return true;
        return actor.IsInRole(Roles.Chair) && await IsOfficerAsync(db, bodyId, actor.UserId, DateOnly.FromDateTime(db.UtcNow), ct);
    }

    /// <summary>The secretariat (Admin, Planner) creates any body; the chair of a body creates working groups under it.</summary>
    public static async Task<bool> CanCreateAsync(CadreDbContext db, ICurrentActor actor, int? parentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAuthenticated) return false;
        if (actor.IsInRole(Roles.Admin) || actor.IsInRole(Roles.Planner)) return true;
        return parentId is int p && await CanManageAsync(db, actor, p, ct);
    }

    /// <summary>
    /// A registered participant of the body: the secretariat (Admin, Planner), a serving officer, or a Delegate
    /// of a Member that takes part in the body. Registered participants see the meeting platform and link.
    /// </summary>
    public static async Task<bool> IsRegisteredAsync(CadreDbContext db, ICurrentActor actor, int bodyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAuthenticated) return false;
        if (actor.IsInRole(Roles.Admin) || actor.IsInRole(Roles.Planner)) return true;
        if (await IsOfficerAsync(db, bodyId, actor.UserId, DateOnly.FromDateTime(db.UtcNow), ct)) return true;
        if (!actor.IsInRole(Roles.Delegate) || actor.MemberCode is null) return false;
        var memberId = await db.Members.Where(m => m.Code == actor.MemberCode).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
        return memberId is int id && await IsMemberAsync(db, bodyId, id, ct);
    }
}

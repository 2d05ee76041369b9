using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Identity;

/// <summary>
/// User administration for the Admin pages and the CLI: list, create, change roles and Member, disable,
/// reset lockout. Every change goes through <see cref="UserManager{TUser}"/> and so through
/// <see cref="CadreDbContext.SaveChangesAsync(CancellationToken)"/>, which audits users and their roles.
/// </summary>
public sealed class UserAdministration(CadreDbContext db, UserManager<CadreUser> users, RoleManager<IdentityRole>? roles = null)
{
    public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string? MemberCode,
        bool IsDisabled, DateTimeOffset? LockedOutUntil, bool TwoFactorEnabled, DateTime CreatedAtUtc);

    public sealed record CreateRequest(string Email, string DisplayName, IReadOnlyCollection<string> Roles, string? MemberCode, string Password);

    public sealed record UpdateRequest(string DisplayName, IReadOnlyCollection<string> Roles, string? MemberCode);

    public static readonly IReadOnlyList<string> SortKeys = ["email", "-email", "name", "-name", "created", "-created"];

    public async Task<Paged<UserRow>> SearchAsync(string? search, string? sort, int? page, int? pageSize, CancellationToken ct = default)
    {
        RequireAdmin();
        var (p, size) = Paged<UserRow>.Clamp(page, pageSize);
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToUpperInvariant();
            q = q.Where(u => u.NormalizedEmail!.Contains(s) || u.DisplayName.ToUpper().Contains(s));
        }
        q = sort switch
        {
            "-email" => q.OrderByDescending(u => u.NormalizedEmail),
            "name" => q.OrderBy(u => u.DisplayName).ThenBy(u => u.NormalizedEmail),
            "-name" => q.OrderByDescending(u => u.DisplayName).ThenBy(u => u.NormalizedEmail),
            "created" => q.OrderBy(u => u.CreatedAtUtc).ThenBy(u => u.NormalizedEmail),
            "-created" => q.OrderByDescending(u => u.CreatedAtUtc).ThenBy(u => u.NormalizedEmail),
            _ => q.OrderBy(u => u.NormalizedEmail),
        };
        var total = await q.CountAsync(ct);
        var found = await q.Skip((p - 1) * size).Take(size)
            .Select(u => new { u.Id, u.Email, u.DisplayName, Member = u.Member != null ? u.Member.Code : null, u.IsDisabled, u.LockoutEnd, u.TwoFactorEnabled, u.CreatedAtUtc })
            .ToListAsync(ct);
        var roleMap = await RolesOfAsync(found.Select(u => u.Id).ToList(), ct);
        var now = db.UtcNow;
        var rows = found.Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName, roleMap.GetValueOrDefault(u.Id, []), u.Member, u.IsDisabled,
            u.LockoutEnd is { } end && end.UtcDateTime > now ? end : null, u.TwoFactorEnabled, u.CreatedAtUtc)).ToList();
        return new Paged<UserRow>(rows, p, size, total);
    }

    public async Task<UserRow> GetAsync(string id, CancellationToken ct = default)
    {
        RequireAdmin();
        var u = await db.Users.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Email, x.DisplayName, Member = x.Member != null ? x.Member.Code : null, x.IsDisabled, x.LockoutEnd, x.TwoFactorEnabled, x.CreatedAtUtc })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException(Messages.Format("Error.NotFound.User", id));
        var roleMap = await RolesOfAsync([u.Id], ct);
        return new UserRow(u.Id, u.Email ?? "", u.DisplayName, roleMap.GetValueOrDefault(u.Id, []), u.Member, u.IsDisabled,
            u.LockoutEnd is { } end && end.UtcDateTime > db.UtcNow ? end : null, u.TwoFactorEnabled, u.CreatedAtUtc);
    }

    public async Task<string> CreateAsync(CreateRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireAdmin();
        var v = new Validation();
        v.Require("email", request.Email, 256);
        v.Require("displayName", request.DisplayName, 200);
        if (string.IsNullOrEmpty(request.Password)) v.Add("password", Messages.Get("Error.Required"));
        var (roleNames, memberId) = await CheckRolesAndMemberAsync(v, request.Roles, request.MemberCode, ct);
        v.ThrowIfAny();

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await EnsureRolesAsync(ct);
        var email = request.Email.Trim();
        var user = new CadreUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = request.DisplayName.Trim(),
            MemberId = memberId,
            CreatedAtUtc = db.UtcNow,
        };
        Check(await users.CreateAsync(user, request.Password));
        if (roleNames.Count > 0) Check(await users.AddToRolesAsync(user, roleNames));
        if (tx is not null) await tx.CommitAsync(ct);
        return user.Id;
    }

    public async Task UpdateAsync(string id, UpdateRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireAdmin();
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException(Messages.Format("Error.NotFound.User", id));
        var v = new Validation();
        v.Require("displayName", request.DisplayName, 200);
        var (roleNames, memberId) = await CheckRolesAndMemberAsync(v, request.Roles, request.MemberCode, ct);
        if (id == db.Actor.UserId && !roleNames.Contains(Roles.Admin)) v.Add("roles", IdentityMessages.Get("Identity.CannotRemoveOwnAdmin"));
        v.ThrowIfAny();

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await EnsureRolesAsync(ct);
        var current = await users.GetRolesAsync(user);
        var remove = current.Except(roleNames).ToList();
        var add = roleNames.Except(current).ToList();
        user.DisplayName = request.DisplayName.Trim();
        user.MemberId = memberId;
        Check(await users.UpdateAsync(user));
        if (remove.Count > 0) Check(await users.RemoveFromRolesAsync(user, remove));
        if (add.Count > 0) Check(await users.AddToRolesAsync(user, add));
        // A changed role or Member must reach the user's open sessions (checked every minute).
        if (remove.Count > 0 || add.Count > 0) Check(await users.UpdateSecurityStampAsync(user));
        if (tx is not null) await tx.CommitAsync(ct);
    }

    /// <summary>Disables or enables an account. Disabling changes the security stamp, so open sessions end within a minute.</summary>
    public async Task SetDisabledAsync(string id, bool disabled, CancellationToken ct = default)
    {
        RequireAdmin();
        if (disabled && id == db.Actor.UserId) throw new ValidationFailedException("disabled", IdentityMessages.Get("Identity.CannotDisableSelf"));
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException(Messages.Format("Error.NotFound.User", id));
        if (user.IsDisabled == disabled) return;
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        user.IsDisabled = disabled;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        if (tx is not null) await tx.CommitAsync(ct);
    }

    public async Task ResetLockoutAsync(string id, CancellationToken ct = default)
    {
        RequireAdmin();
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException(Messages.Format("Error.NotFound.User", id));
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        if (tx is not null) await tx.CommitAsync(ct);
    }

    /// <summary>Creates the roles of <see cref="Roles.All"/> that do not exist yet.</summary>
    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var role in Roles.All.Except(existing.OfType<string>()))
        {
            if (roles is not null) Check(await roles.CreateAsync(new IdentityRole(role)));
            else
            {
                db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
                await db.SaveChangesAsync(ct);
            }
        }
    }

    public async Task<IReadOnlyList<(string Code, LocalizedText Name)>> MembersAsync(CancellationToken ct = default) =>
        (await db.Members.AsNoTracking().OrderBy(m => m.Code).Select(m => new { m.Code, m.Name }).ToListAsync(ct))
        .Select(m => (m.Code, m.Name)).ToList();

    private async Task<(List<string> Roles, int? MemberId)> CheckRolesAndMemberAsync(Validation v, IReadOnlyCollection<string>? requested, string? memberCode, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var r in requested ?? [])
        {
            var n = Roles.Normalize(r);
            if (n is null) v.Add("roles", IdentityMessages.Format("Identity.UnknownRole", r));
            else if (!names.Contains(n)) names.Add(n);
        }
        int? memberId = null;
        if (!string.IsNullOrWhiteSpace(memberCode))
        {
            var code = memberCode.Trim();
            memberId = await db.Members.Where(m => m.Code == code).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
            if (memberId is null) v.Add("memberCode", IdentityMessages.Format("Identity.UnknownMember", code));
        }
        else if (names.Contains(Roles.Delegate))
        {
            v.Add("memberCode", IdentityMessages.Get("Identity.MemberRequired"));
        }
        return (names, memberId);
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> RolesOfAsync(List<string> ids, CancellationToken ct)
    {
        var pairs = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<string>)g.Select(p => p.Name!).OrderBy(n => Roles.All.ToList().IndexOf(n)).ToList());
    }

    private void RequireAdmin()
    {
        if (!db.Actor.IsInRole(Roles.Admin)) throw new ForbiddenException(IdentityMessages.Get("Identity.NotAdmin"));
    }

    /// <summary>Turns Identity's errors into field errors: password rules under "password", the rest under "email".</summary>
    internal static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        var errors = result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : e.Code.Contains("Role", StringComparison.Ordinal) ? "roles" : "")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        throw new ValidationFailedException(errors);
    }
}

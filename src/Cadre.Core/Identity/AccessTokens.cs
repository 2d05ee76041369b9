using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Identity;

/// <summary>Personal access tokens: created (shown once), verified by hash, listed and revoked.</summary>
public sealed class AccessTokens(CadreDbContext db)
{
    public sealed record Created(int Id, string Token, string Name, DateTime? ExpiresAtUtc);

    public sealed record TokenInfo(int Id, string Name, string Hint, DateTime CreatedAtUtc, DateTime? ExpiresAtUtc, DateTime? RevokedAtUtc, DateTime? LastUsedAtUtc);

    public async Task<Created> CreateAsync(string userId, string name, TimeSpan? lifetime = null, CancellationToken ct = default)
    {
        var v = new Validation();
        v.Require("name", name, 100);
        v.ThrowIfAny();
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) throw new NotFoundException(Messages.Format("Error.NotFound.User", userId));
        var token = PersonalAccessToken.NewToken();
        var now = db.UtcNow;
        var entity = new PersonalAccessToken
        {
            UserId = userId,
            Name = name.Trim(),
            TokenHash = PersonalAccessToken.Hash(token),
            Hint = token[..(PersonalAccessToken.Prefix.Length + 4)],
            CreatedAtUtc = now,
            ExpiresAtUtc = lifetime is { } l ? now + l : null,
        };
        db.PersonalAccessTokens.Add(entity);
        await db.SaveChangesAsync(ct);
        return new Created(entity.Id, token, entity.Name, entity.ExpiresAtUtc);
    }

    /// <summary>The user a token belongs to, when the token is valid, active and the user is not disabled.</summary>
    public async Task<CadreUser?> VerifyAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(PersonalAccessToken.Prefix, StringComparison.Ordinal) || token.Length > 200) return null;
        var hash = PersonalAccessToken.Hash(token);
        var entity = await db.PersonalAccessTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        var now = db.UtcNow;
        if (entity is null || !entity.IsActive(now) || entity.User is null || entity.User.IsDisabled) return null;

        // The last use is recorded at most once a minute, outside the audit trail (it is not a change of
        // anyone's data), so that a busy API client does not turn every call into a write.
        var staleBefore = now.AddMinutes(-1);
        if (entity.LastUsedAtUtc is null || entity.LastUsedAtUtc < staleBefore)
        {
            await db.PersonalAccessTokens
                .Where(t => t.Id == entity.Id && (t.LastUsedAtUtc == null || t.LastUsedAtUtc < staleBefore))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, now), ct);
        }
        return entity.User;
    }

    public async Task<IReadOnlyList<TokenInfo>> ListAsync(string userId, CancellationToken ct = default) =>
        await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAtUtc)
            .Select(t => new TokenInfo(t.Id, t.Name, t.Hint, t.CreatedAtUtc, t.ExpiresAtUtc, t.RevokedAtUtc, t.LastUsedAtUtc)).ToListAsync(ct);

    public async Task RevokeAsync(string userId, int tokenId, CancellationToken ct = default)
    {
        var entity = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Token", tokenId));
        if (entity.RevokedAtUtc is null)
        {
            entity.RevokedAtUtc = db.UtcNow;
            await db.SaveChangesAsync(ct);
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using Cadre.Core.Common;
using Cadre.Core.Identity;
using Cadre.Core.Tests.Data;
using Xunit;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Tests.Identity;

public sealed class AccessTokenTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private async Task<CadreUser> AddUserAsync(string email = "ana@example.org")
    {
        await using var db = _db.Context(FixedActor.System, _clock);
        var user = new CadreUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), DisplayName = "Ana", SecurityStamp = Guid.NewGuid().ToString() };
        db.Users.Add(user);
        await db.SaveChangesAsync(Ct);
        return user;
    }

    [Fact]
    public async Task A_token_is_stored_only_as_its_sha256_hash_and_verifies()
    {
        var user = await AddUserAsync();
        await using var db = _db.Context(FixedActor.System, _clock);
        var tokens = new AccessTokens(db);
        var created = await tokens.CreateAsync(user.Id, "script", ct: Ct);

        Assert.StartsWith(PersonalAccessToken.Prefix, created.Token, StringComparison.Ordinal);
        Assert.True(created.Token.Length >= PersonalAccessToken.Prefix.Length + 40);
        var stored = await db.PersonalAccessTokens.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(created.Token))), stored.TokenHash);
        Assert.DoesNotContain(created.Token, stored.TokenHash, StringComparison.Ordinal);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.ChangesJson.Contains(created.Token), Ct), "the audit trail never holds the token");

        Assert.Equal(user.Id, (await tokens.VerifyAsync(created.Token, Ct))?.Id);
        Assert.Null(await tokens.VerifyAsync(created.Token + "x", Ct));
        Assert.Null(await tokens.VerifyAsync("Bearer " + created.Token, Ct));
    }

    [Fact]
    public async Task Using_a_token_records_its_last_use_at_most_once_a_minute()
    {
        var user = await AddUserAsync();
        await using var db = _db.Context(FixedActor.System, _clock);
        var tokens = new AccessTokens(db);
        var created = await tokens.CreateAsync(user.Id, "script", ct: Ct);
        Assert.Null(Assert.Single(await tokens.ListAsync(user.Id, Ct)).LastUsedAtUtc);

        Assert.NotNull(await tokens.VerifyAsync(created.Token, Ct));
        var first = _clock.GetUtcNow().UtcDateTime;
        Assert.Equal(first, Assert.Single(await tokens.ListAsync(user.Id, Ct)).LastUsedAtUtc);

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.NotNull(await tokens.VerifyAsync(created.Token, Ct));
        Assert.Equal(first, Assert.Single(await tokens.ListAsync(user.Id, Ct)).LastUsedAtUtc);

        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.NotNull(await tokens.VerifyAsync(created.Token, Ct));
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, Assert.Single(await tokens.ListAsync(user.Id, Ct)).LastUsedAtUtc);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(PersonalAccessToken), Ct)); // its creation only: a use is not an audited change
    }

    [Fact]
    public async Task A_revoked_token_no_longer_verifies()
    {
        var user = await AddUserAsync();
        await using var db = _db.Context(FixedActor.System, _clock);
        var tokens = new AccessTokens(db);
        var created = await tokens.CreateAsync(user.Id, "script", ct: Ct);
        await tokens.RevokeAsync(user.Id, created.Id, Ct);
        Assert.Null(await tokens.VerifyAsync(created.Token, Ct));
        var info = Assert.Single(await tokens.ListAsync(user.Id, Ct));
        Assert.NotNull(info.RevokedAtUtc);
    }

    [Fact]
    public async Task An_expired_token_no_longer_verifies()
    {
        var user = await AddUserAsync();
        await using var db = _db.Context(FixedActor.System, _clock);
        var tokens = new AccessTokens(db);
        var created = await tokens.CreateAsync(user.Id, "script", TimeSpan.FromDays(1), Ct);
        Assert.NotNull(await tokens.VerifyAsync(created.Token, Ct));
        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Null(await tokens.VerifyAsync(created.Token, Ct));
    }

    [Fact]
    public async Task The_token_of_a_disabled_user_no_longer_verifies()
    {
        var user = await AddUserAsync();
        await using var db = _db.Context(FixedActor.System, _clock);
        var tokens = new AccessTokens(db);
        var created = await tokens.CreateAsync(user.Id, "script", ct: Ct);
        var stored = await db.Users.SingleAsync(u => u.Id == user.Id, Ct);
        stored.IsDisabled = true;
        await db.SaveChangesAsync(Ct);
        Assert.Null(await tokens.VerifyAsync(created.Token, Ct));
    }

    [Fact]
    public async Task Another_users_token_cannot_be_revoked()
    {
        var owner = await AddUserAsync("owner@example.org");
        var other = await AddUserAsync("other@example.org");
        await using var db = _db.Context(FixedActor.System, _clock);
        var tokens = new AccessTokens(db);
        var created = await tokens.CreateAsync(owner.Id, "script", ct: Ct);
        await Assert.ThrowsAsync<NotFoundException>(() => tokens.RevokeAsync(other.Id, created.Id, Ct));
        Assert.NotNull(await tokens.VerifyAsync(created.Token, Ct));
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}

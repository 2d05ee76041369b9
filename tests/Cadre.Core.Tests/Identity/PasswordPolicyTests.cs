using System.Buffers.Binary;
using Cadre.Core.Data;
using Cadre.Core.Identity;
using Xunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Tests.Identity;

public sealed class PasswordPolicyTests : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    public PasswordPolicyTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        // The password rules never touch the database; the store only needs a context to exist.
        services.AddDbContext<CadreDbContext>(o => DatabaseSetup.Configure(o, DatabaseProvider.Sqlite, "Data Source=:memory:"));
        services.AddCadreIdentityCore();
        _services = services.BuildServiceProvider();
        _scope = _services.CreateAsyncScope();
    }

    private UserManager<CadreUser> Users => _scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();

    private async Task<IdentityResult> ValidateAsync(string password, string email = "someone@example.org")
    {
        var user = new CadreUser { Email = email, UserName = email };
        var errors = new List<IdentityError>();
        foreach (var v in Users.PasswordValidators)
        {
            var r = await v.ValidateAsync(Users, user, password);
            errors.AddRange(r.Errors);
        }
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    [Fact]
    public async Task An_11_character_password_is_rejected()
    {
        var result = await ValidateAsync("lantern-bay");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "PasswordTooShort");
    }

    [Fact]
    public async Task A_12_character_password_without_character_classes_is_accepted()
    {
        Assert.True((await ValidateAsync("lanternbayzq")).Succeeded);
        Assert.True((await ValidateAsync("LANTERNBAYZQ")).Succeeded);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234")]
    [InlineData("qwertyuiop12")]
    [InlineData("123456789012")]
    [InlineData("iloveyou2024")]
    public async Task A_common_password_is_rejected(string password)
    {
        var result = await ValidateAsync(password);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "PasswordCommon");
    }

    [Fact]
    public void The_common_password_list_holds_thousands_of_entries_of_12_characters_or_more()
    {
        Assert.True(CommonPasswordValidator.Count >= 3000, $"only {CommonPasswordValidator.Count} entries");
        Assert.True(CommonPasswordValidator.IsCommon("password1234"));
        Assert.False(CommonPasswordValidator.IsCommon("a quiet lantern over the bay"));
    }

    [Fact]
    public async Task A_password_containing_the_local_part_of_the_email_is_rejected()
    {
        var result = await ValidateAsync("xx-JOHN.DOE-yy-zz", "john.doe@example.org");
        Assert.Contains(result.Errors, e => e.Code == "PasswordContainsEmail");
    }

    [Fact]
    public async Task A_password_longer_than_the_maximum_is_rejected_and_the_maximum_is_accepted()
    {
        var max = string.Concat(Enumerable.Repeat("lantern bay ", 30))[..IdentityCore.MaximumPasswordLength];
        Assert.True((await ValidateAsync(max)).Succeeded);
        var result = await ValidateAsync(max + "x");
        Assert.Contains(result.Errors, e => e.Code == "PasswordTooLong");
    }

    [Fact]
    public void The_hasher_uses_identity_v3_with_at_least_210000_iterations()
    {
        var hasher = _scope.ServiceProvider.GetRequiredService<IPasswordHasher<CadreUser>>();
        var hash = Convert.FromBase64String(hasher.HashPassword(new CadreUser(), "lanternbayzq"));
        // Identity V3 format: 0x01, PRF (uint32 BE), iteration count (uint32 BE), salt length (uint32 BE), salt, subkey.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal((uint)KeyDerivationPrfSha512, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1, 4)));
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4));
        Assert.True(iterations >= 210_000, $"{iterations} iterations");
    }

    private const int KeyDerivationPrfSha512 = 2;

    [Fact]
    public void The_policy_sets_lockout_after_5_failures_for_15_minutes()
    {
        var o = Users.Options;
        Assert.True(o.Lockout.AllowedForNewUsers);
        Assert.Equal(5, o.Lockout.MaxFailedAccessAttempts);
        Assert.Equal(TimeSpan.FromMinutes(15), o.Lockout.DefaultLockoutTimeSpan);
        Assert.Equal(12, o.Password.RequiredLength);
        Assert.False(o.Password.RequireDigit || o.Password.RequireLowercase || o.Password.RequireUppercase || o.Password.RequireNonAlphanumeric);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}

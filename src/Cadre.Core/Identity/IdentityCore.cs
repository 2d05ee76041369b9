using Cadre.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Identity;

/// <summary>
/// The identity rules shared by the web host and the CLI (QUALITY.md): PBKDF2 with at least 210,000
/// iterations, passwords of 12 or more characters without class rules, common passwords rejected,
/// lockout that counts failures.
/// </summary>
public static class IdentityCore
{
    public const int PasswordIterations = 210_000;
    public const int MinimumPasswordLength = 12;
    /// <summary>Long passphrases are welcome; the bound only stops a megabyte "password" from costing 210,000 hash rounds.</summary>
    public const int MaximumPasswordLength = 256;

    public static void ConfigurePolicy(IdentityOptions o)
    {
        o.Password.RequiredLength = MinimumPasswordLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 1;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = false;
    }

    public static void ConfigureHasher(PasswordHasherOptions o)
    {
        o.IterationCount = PasswordIterations;
        o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
    }

    /// <summary>User and role management without the web sign-in parts (for the CLI).</summary>
    public static IdentityBuilder AddCadreIdentityCore(this IServiceCollection services)
    {
        services.Configure<PasswordHasherOptions>(ConfigureHasher);
        services.AddScoped<AccessTokens>();
        return services.AddIdentityCore<CadreUser>(ConfigurePolicy)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CadreDbContext>()
            .AddCadrePasswordRules();
    }

    /// <summary>The rules the stock validators lack (common passwords, maximum length), localized errors, and user administration; used by the web host and the CLI.</summary>
    public static IdentityBuilder AddCadrePasswordRules(this IdentityBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<UserAdministration>();
        return builder.AddPasswordValidator<CommonPasswordValidator>().AddErrorDescriber<CadreIdentityErrorDescriber>();
    }
}

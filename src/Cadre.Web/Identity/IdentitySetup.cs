using Cadre.Core.Data;
using Cadre.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Cadre.Web.Identity;

/// <summary>
/// ASP.NET Core Identity with the settings of QUALITY.md where the defaults fall short.
/// </summary>
public static class IdentitySetup
{
    public const string CookieOrToken = "CookieOrToken";

    public static IServiceCollection AddCadreIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.Configure<PasswordHasherOptions>(IdentityCore.ConfigureHasher);
        services.AddScoped<AccessTokens>();
        services.AddIdentity<CadreUser, IdentityRole>(IdentityCore.ConfigurePolicy)
            .AddEntityFrameworkStores<CadreDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<CadreClaimsFactory>();

        // One policy scheme: a Bearer access token when the request carries one, the cookie otherwise.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrToken;
                o.DefaultChallengeScheme = CookieOrToken;
            })
            .AddPolicyScheme(CookieOrToken, CookieOrToken, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AccessTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null);

        // Sessions end within a minute of a password change, a disabled account or a revoked role.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = environment.IsEnvironment("Testing") ? "cadre-auth" : "__Host-cadre-auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = environment.IsEnvironment("Testing") ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
        });
        return services;
    }

    /// <summary>API callers get a status code, never a redirect to the sign-in page.</summary>
    private static Task ApiAware(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}

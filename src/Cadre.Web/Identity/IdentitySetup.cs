using System.Globalization;
using Cadre.Core.Data;
using Cadre.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Cadre.Web.Identity;

/// <summary>
/// ASP.NET Core Identity with the settings of QUALITY.md where the defaults fall short.
/// </summary>
public static class IdentitySetup
{
    public const string CookieOrToken = "CookieOrToken";

    /// <summary>
    /// Development (http://localhost:5080) and the tests run over plain HTTP, where Secure and
    /// <c>__Host-</c> cookies cannot be used; every other environment gets them.
    /// </summary>
    public static bool IsPlainHttpEnvironment(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(2);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);
    private const string SignedInAtKey = "cadre.signed-in-at";

    private static DateTimeOffset Now(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    public static IServiceCollection AddCadreIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.Configure<PasswordHasherOptions>(IdentityCore.ConfigureHasher);
        services.AddScoped<AccessTokens>();
        services.AddIdentity<CadreUser, IdentityRole>(IdentityCore.ConfigurePolicy)
            .AddEntityFrameworkStores<CadreDbContext>()
            .AddDefaultTokenProviders()
            .AddCadrePasswordRules()
            .AddSignInManager<CadreSignInManager>()
            .AddClaimsPrincipalFactory<CadreClaimsFactory>();

        // One policy scheme: a Bearer access token when the request carries one, the cookie otherwise.
        services.AddAuthentication(o =>
            {
                // AddIdentity makes the cookie the default for authenticate and challenge; the policy scheme must win,
                // or Bearer callers would look anonymous to every middleware before endpoint authorization.
                o.DefaultScheme = CookieOrToken;
                o.DefaultAuthenticateScheme = CookieOrToken;
                o.DefaultChallengeScheme = CookieOrToken;
                o.DefaultForbidScheme = CookieOrToken;
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
            o.Cookie.Name = IsPlainHttpEnvironment(environment) ? "cadre-auth" : "__Host-cadre-auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = IsPlainHttpEnvironment(environment) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.Path = "/";
            // Idle timeout: two hours without a request; absolute timeout: twelve hours after signing in.
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = async ctx =>
            {
                if (!ctx.HttpContext.Request.Path.StartsWithSegments("/api")) await SecuritySetup.RecordRefusalAsync(ctx.HttpContext, StatusCodes.Status403Forbidden);
                await ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
            };
            o.Events.OnSigningIn = ctx =>
            {
                ctx.Properties.Items.TryAdd(SignedInAtKey, Now(ctx.HttpContext).ToString("O", CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            var validateStamp = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async ctx =>
            {
                if (ctx.Properties.Items.TryGetValue(SignedInAtKey, out var at)
                    && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedIn)
                    && Now(ctx.HttpContext) - signedIn > AbsoluteTimeout)
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await validateStamp(ctx);
            };
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

using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Cadre.Core.Audit;
using Cadre.Core.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Cadre.Web.Infrastructure;

/// <summary>Settings under <c>Security</c> in appsettings.</summary>
public sealed class SecurityOptions
{
    /// <summary>Roles of <see cref="Roles.RequiringMfa"/> must set up a second factor before anything else (false in Development).</summary>
    public bool RequireMfaForPrivilegedRoles { get; set; } = true;

    /// <summary>Sign-in, second-factor and password-change posts per client address and minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>API requests per user (or client address when anonymous) and minute.</summary>
    public int ApiRequestsPerMinute { get; set; } = 600;
}

/// <summary>
/// The request-level rules of QUALITY.md that sit between authentication and the endpoints: throttling
/// (429), antiforgery for cookie-authenticated API writes, the second-factor requirement of privileged
/// roles, and the audit of refused accesses.
/// </summary>
public static class SecuritySetup
{
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";
    /// <summary>Claim set at sign-in when the user has a second factor enabled.</summary>
    public const string TwoFactorClaim = "cadre:2fa";

    private static readonly string[] ThrottledPages = ["/Account/Login", "/Account/LoginWith2fa"];
    private static readonly string[] ThrottledManageHandlers = ["ChangePassword", "EnableAuthenticator"];

    public static IServiceCollection AddCadreSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Under tests (environment Testing) the settings come from Security:Testing, with the MFA requirement off
        // and the limits out of the way, so that only the tests of these rules meet them (they turn them on there).
        if (environment.IsEnvironment("Testing"))
        {
            services.Configure<SecurityOptions>(o =>
            {
                o.RequireMfaForPrivilegedRoles = false;
                o.SignInAttemptsPerMinute = 100_000;
                o.ApiRequestsPerMinute = 1_000_000;
                configuration.GetSection("Security:Testing").Bind(o);
            });
        }
        else
        {
            services.Configure<SecurityOptions>(configuration.GetSection("Security"));
        }
        services.AddSingleton<SecurityAudit>();
        services.AddCadreHsts();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = Cadre.Web.Identity.IdentitySetup.IsPlainHttpEnvironment(environment) ? "cadre-af" : "__Host-cadre-af";
            o.Cookie.SecurePolicy = Cadre.Web.Identity.IdentitySetup.IsPlainHttpEnvironment(environment) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                Partition(http, http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SecurityOptions>>().CurrentValue));
            o.OnRejected = async (ctx, ct) =>
            {
                var http = ctx.HttpContext;
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await WriteProblemAsync(http, StatusCodes.Status429TooManyRequests, "Too many requests",
                        "Too many requests from this client; wait a minute and try again.");
                }
                // Pages: the empty 429 is turned into the error page by the status-code pages middleware.
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, SecurityOptions options)
    {
        var request = http.Request;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (HttpMethods.IsPost(request.Method) && IsSignInPost(request))
        {
            return RateLimitPartition.GetFixedWindowLimiter("signin:" + address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.SignInAttemptsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }
        if (request.Path.StartsWithSegments("/api"))
        {
            var who = http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "user:" + id : "ip:" + address;
            return RateLimitPartition.GetFixedWindowLimiter("api:" + who, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.ApiRequestsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }
        return RateLimitPartition.GetNoLimiter("none");
    }

    private static bool IsSignInPost(HttpRequest request)
    {
        foreach (var page in ThrottledPages)
        {
            if (request.Path.Equals(page, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return request.Path.Equals("/Account/Manage", StringComparison.OrdinalIgnoreCase)
            && ThrottledManageHandlers.Contains(request.Query["handler"].ToString(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Between authentication and authorization.</summary>
    public static IApplicationBuilder UseCadreSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(AuditRefusedAccessAsync);
        app.UseRateLimiter();
        app.Use(RejectInvalidBearerAsync);
        app.Use(RequireApiAntiforgeryAsync);
        app.Use(RequireSecondFactorAsync);
        return app;
    }

    /// <summary>
    /// Refused API calls made with credentials (a 401 for a bad or expired token or cookie, any 403) go to the
    /// audit trail; refused pages are recorded when the cookie handler redirects to the access-denied page.
    /// </summary>
    private static async Task AuditRefusedAccessAsync(HttpContext http, RequestDelegate next)
    {
        await next(http);
        if (!http.Request.Path.StartsWithSegments("/api")) return;
        var status = http.Response.StatusCode;
        var hasCredentials = http.Request.Headers.Authorization.Count > 0 || http.User.Identity?.IsAuthenticated == true
            || http.Request.Cookies.Keys.Any(k => k.EndsWith("cadre-auth", StringComparison.Ordinal));
        if (status == StatusCodes.Status403Forbidden || (status == StatusCodes.Status401Unauthorized && hasCredentials))
        {
            await RecordRefusalAsync(http, status);
        }
    }

    public static Task RecordRefusalAsync(HttpContext http, int status)
    {
        ArgumentNullException.ThrowIfNull(http);
        var audit = http.RequestServices.GetRequiredService<SecurityAudit>();
        var user = http.User.Identity?.IsAuthenticated == true ? http.User : null;
        var summary = string.Create(CultureInfo.InvariantCulture, $"{status} {http.Request.Method} {http.Request.Path}");
        return audit.RecordAsync(AuditActions.AccessDenied, user?.FindFirstValue(ClaimTypes.NameIdentifier), user?.Identity?.Name ?? "anonymous", summary, CancellationToken.None);
    }

    /// <summary>
    /// A Bearer token that is unknown, revoked or expired gets 401, never the anonymous view: a script
    /// must learn that its token no longer works.
    /// </summary>
    private static async Task RejectInvalidBearerAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Path.StartsWithSegments("/api")
            && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && http.User.Identity?.IsAuthenticated != true)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await WriteProblemAsync(http, StatusCodes.Status401Unauthorized, "Invalid access token",
                "The access token is unknown, revoked or expired, or its account is disabled. Create a new one on your account page.");
            return;
        }
        await next(http);
    }

    /// <summary>
    /// A state-changing API request authenticated by the cookie must carry the antiforgery token in
    /// <see cref="AntiforgeryHeader"/>; Bearer tokens are not sent by browsers on their own, so they need none.
    /// </summary>
    private static async Task RequireApiAntiforgeryAsync(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        if (request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && http.User.Identity?.IsAuthenticated == true)
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                await WriteProblemAsync(http, StatusCodes.Status400BadRequest, "Antiforgery token missing or invalid",
                    $"A request that changes data and is authenticated by the sign-in cookie must carry the antiforgery token in the {AntiforgeryHeader} header (GET /Account/Antiforgery returns it).");
                return;
            }
        }
        await next(http);
    }

    /// <summary>
    /// When the setting is on, a signed-in Admin, Planner, Chair or Councillor without a second factor may
    /// only reach the account pages until they set one up; the API answers 403 and says why.
    /// </summary>
    private static async Task RequireSecondFactorAsync(HttpContext http, RequestDelegate next)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true
            && user.FindFirstValue(TwoFactorClaim) is null
            && Roles.RequiringMfa.Any(user.IsInRole)
            && http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsSnapshot<SecurityOptions>>().Value.RequireMfaForPrivilegedRoles)
        {
            var path = http.Request.Path;
            if (path.StartsWithSegments("/api"))
            {
                await WriteProblemAsync(http, StatusCodes.Status403Forbidden, "Two-factor authentication required",
                    "Your roles require two-factor authentication. Set up an authenticator app at /Account/Manage, then call the API again.");
                return;
            }
            if (!(path.StartsWithSegments("/Account") || path.StartsWithSegments("/Error") || path.StartsWithSegments("/culture")
                || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/css")))
            {
                http.Response.Redirect("/Account/Manage?mfa=required");
                return;
            }
        }
        await next(http);
    }

    private static async Task WriteProblemAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary><c>GET /Account/Antiforgery</c>: the token a cookie-authenticated script sends in <see cref="AntiforgeryHeader"/>.</summary>
    public static void MapAntiforgeryToken(this WebApplication app)
    {
        app.MapGet("/Account/Antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return Results.Json(new { headerName = AntiforgeryHeader, token = tokens.RequestToken });
        }).RequireAuthorization().ExcludeFromDescription();
    }
}

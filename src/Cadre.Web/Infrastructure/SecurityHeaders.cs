namespace Cadre.Web.Infrastructure;

/// <summary>
/// The response headers of QUALITY.md on every response: a CSP without inline scripts or styles, nosniff,
/// a referrer policy, frame protection, and no caching of what an authenticated user sees.
/// HSTS (one year, subdomains) is added by <c>UseHsts</c> outside Development.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseCadreSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app.Use(static (context, next) =>
        {
            // OnStarting: the exception handler and status-code pages clear or replace the response; the headers must survive.
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                if (http.User.Identity?.IsAuthenticated == true)
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
    }

    public static IServiceCollection AddCadreHsts(this IServiceCollection services) =>
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Cadre.Core.Common;
using Cadre.Web.Identity;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cadre.Web.Api;

/// <summary>
/// What every <c>/api/v1</c> endpoint shares: JSON settings, body size limits, and ProblemDetails for
/// every error, including the ones raised before an endpoint runs (sign-in required, invalid JSON,
/// body too large, no such route).
/// </summary>
public static class ApiSetup
{
    public const string Prefix = "/api";
    public const string WriterPolicy = "ApiWriter";
    public const string ReaderPolicy = "ApiReader";
    /// <summary>Largest JSON body of an ordinary request.</summary>
    public const long JsonBodyLimit = 1024 * 1024;
    /// <summary>Largest body of <c>POST /api/v1/plans/import</c>.</summary>
    public const long ImportBodyLimit = Core.Planning.ImportPlan.MaxBytes;

    public static IServiceCollection AddPlanningApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.MaxDepth = 32;
        });
        // Binding failures (malformed JSON, wrong types) become exceptions that ApiExceptionHandler
        // turns into a 400 ProblemDetails carrying the parser's message, in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.TryAddScoped<Core.Audit.AuditQueries>();
        services.AddTransient<IStartupFilter, ApiStartupFilter>();
        // API writes need an access token: a browser's cookie never authorizes them, so there is no
        // cross-site request to forge.
        services.AddAuthorizationBuilder().AddPolicy(WriterPolicy, p => p
            .AddAuthenticationSchemes(AccessTokenAuthentication.SchemeName)
            .RequireAuthenticatedUser());
        // Reads are open to anyone, but who the caller is (token or cookie) decides what they see
        // (drafts), so both schemes are tried; the assertion lets anonymous callers through.
        services.AddAuthorizationBuilder().AddPolicy(ReaderPolicy, p => p
            .AddAuthenticationSchemes(AccessTokenAuthentication.SchemeName, Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
            .RequireAssertion(_ => true));
        return services;
    }

    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static long BodyLimitFor(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api/v1/plans/import", StringComparison.OrdinalIgnoreCase) ? ImportBodyLimit
        : IsValueImport(http.Request.Path) ? ValueImportBodyLimit
        : Drafting.DraftingEndpoints.IsDocxImport(http.Request.Path) ? Drafting.DraftingEndpoints.DocxImportBodyLimit
        : JsonBodyLimit;

    /// <summary>The bulk value import's body is a spreadsheet: as large as the import accepts.</summary>
    public const long ValueImportBodyLimit = Core.Results.ValueImport.MaxFileBytes;

    /// <summary>True for <c>/api/v1/plans/{id}/values/import</c>.</summary>
    private static bool IsValueImport(PathString path)
    {
        if (!path.StartsWithSegments("/api/v1/plans", StringComparison.OrdinalIgnoreCase, out var rest)) return false;
        var parts = (rest.Value ?? "").Trim('/').Split('/');
        return parts.Length == 3 && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            && string.Equals(parts[1], "values", StringComparison.OrdinalIgnoreCase) && string.Equals(parts[2], "import", StringComparison.OrdinalIgnoreCase);
    }

    public static ProblemHttpResult Problem(HttpContext? http, int status, string titleKey, string? detail = null) =>
        TypedResults.Problem(detail, statusCode: status, title: ApiText.Get(http, titleKey));

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: Messages.Get("Problem.NotFound"));

    /// <summary>Declares the ProblemDetails answers of an endpoint in the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            if (status == StatusCodes.Status400BadRequest) builder.ProducesValidationProblem();
            else builder.ProducesProblem(status);
        }
        return builder;
    }

    /// <summary>The writes' shared answers: 400, 401, 403, 404, 409 and 413.</summary>
    public static RouteHandlerBuilder ProducesWriteProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblems(400, 401, 403, 404, 409, 413);

    /// <summary>A read: open to anyone; the caller's token or cookie decides whether drafts are visible.</summary>
    public static RouteHandlerBuilder Read(this RouteHandlerBuilder builder) => builder.RequireAuthorization(ReaderPolicy);

    /// <summary>A write: needs an access token, and a Planner (checked by the handler).</summary>
    public static RouteHandlerBuilder Write(this RouteHandlerBuilder builder) =>
        builder.RequireAuthorization(WriterPolicy).ProducesWriteProblems();

    /// <summary>Turns the failures handlers report into ProblemDetails (400, 403, 404, 409).</summary>
    public static async ValueTask<object?> CatchHandlerFailures(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (CadreException ex)
        {
            return Problems.ToResult(ex);
        }
    }

    /// <summary>Tells the status-code pages (an HTML error page) to leave API answers alone.</summary>
    public sealed class SkipStatusCodePages : Microsoft.AspNetCore.Http.Metadata.ISkipStatusCodePagesMetadata;

    /// <summary>
    /// Outermost middleware for <c>/api</c>: refuses oversized bodies with 413 before anything reads
    /// them, and gives a ProblemDetails body to any error answered without one (401 and 403 from
    /// authorization, 400 from binding, 405, 415).
    /// </summary>
    private sealed class ApiStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, nextMiddleware) =>
            {
                if (!IsApi(http))
                {
                    await nextMiddleware(http);
                    return;
                }
                var limit = BodyLimitFor(http);
                if (http.Request.ContentLength > limit)
                {
                    await TooLarge(http, limit).ExecuteAsync(http);
                    return;
                }
                var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
                if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = limit;

                await nextMiddleware(http);

                var response = http.Response;
                if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
                {
                    await ForStatus(http, response.StatusCode).ExecuteAsync(http);
                }
            });
            next(app);
        };
    }

    private static ProblemHttpResult TooLarge(HttpContext http, long limit) =>
        Problem(http, StatusCodes.Status413PayloadTooLarge, "Problem.TooLarge", ApiText.Format(http, "Problem.TooLarge.Detail", limit));

    private static ProblemHttpResult ForStatus(HttpContext http, int status) => status switch
    {
        StatusCodes.Status400BadRequest => Problem(http, status, "Problem.InvalidJson", ApiText.Get(http, "Problem.InvalidJson.NoDetail")),
        StatusCodes.Status401Unauthorized => Problem(http, status, "Problem.Unauthorized", ApiText.Get(http, "Problem.Unauthorized.Detail")),
        StatusCodes.Status403Forbidden => Problem(http, status, "Problem.Forbidden", ApiText.Get(http, "Problem.Forbidden.Detail")),
        StatusCodes.Status404NotFound => Problem(http, status, "Problem.NotFound", ApiText.Format(http, "Problem.NotFound.Route", http.Request.Path.Value)),
        StatusCodes.Status405MethodNotAllowed => Problem(http, status, "Problem.MethodNotAllowed"),
        StatusCodes.Status413PayloadTooLarge => TooLarge(http, BodyLimitFor(http)),
        StatusCodes.Status415UnsupportedMediaType => Problem(http, status, "Problem.UnsupportedMediaType"),
        _ => Problem(http, status, "Problem.Other"),
    };

    /// <summary>
    /// Requests the framework refuses while reading them (malformed JSON, a body over the limit)
    /// become ProblemDetails with the reason, not an error page.
    /// </summary>
    private sealed class ApiExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not Microsoft.AspNetCore.Http.BadHttpRequestException bad) return false;
            var json = FindJsonException(bad);
            var result = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => TooLarge(http, BodyLimitFor(http)),
                StatusCodes.Status400BadRequest when json is not null =>
                    Problem(http, StatusCodes.Status400BadRequest, "Problem.InvalidJson", ApiText.Format(http, "Problem.InvalidJson.Detail", json.Message)),
                StatusCodes.Status400BadRequest when IsApi(http) =>
                    Problem(http, StatusCodes.Status400BadRequest, "Problem.BadRequest", bad.Message),
                _ => Problem(http, bad.StatusCode, "Problem.BadRequest"),
            };
            await result.ExecuteAsync(http);
            return true;
        }

        private static JsonException? FindJsonException(Exception? ex)
        {
            for (; ex is not null; ex = ex.InnerException)
            {
                if (ex is JsonException j) return j;
            }
            return null;
        }
    }
}

using Cadre.Core.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cadre.Web.Infrastructure;

/// <summary>
/// Turns the failures handlers report into HTTP answers: ProblemDetails in the API (400 with field
/// errors, 403, 404, 409) and model-state errors on pages.
/// </summary>
public static class Problems
{
    public static IResult ToResult(CadreException ex) => ex switch
    {
        ValidationFailedException v => TypedResults.ValidationProblem(v.Errors.ToDictionary(e => e.Key, e => e.Value), title: Messages.Get("Problem.Validation")),
        NotFoundException => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: Messages.Get("Problem.NotFound")),
        ConcurrencyConflictException => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: Messages.Get("Problem.Conflict")),
        ForbiddenException => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden, title: Messages.Get("Problem.Forbidden")),
        _ => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest),
    };

    /// <summary>Copies a handler's errors onto a page's model state, under <paramref name="prefix"/>.</summary>
    public static void AddTo(this CadreException ex, ModelStateDictionary modelState, string prefix = "")
    {
        if (ex is ValidationFailedException v)
        {
            foreach (var (field, messages) in v.Errors)
            {
                var key = string.IsNullOrEmpty(prefix) ? Capitalize(field) : $"{prefix}.{Capitalize(field)}";
                foreach (var m in messages) modelState.AddModelError(key, m);
            }
        }
        else
        {
            modelState.AddModelError(string.Empty, ex.Message);
        }
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>Handler failures that escape an endpoint become ProblemDetails instead of 500s.</summary>
    public sealed class ExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not CadreException ex) return false;
            var (status, title) = ex switch
            {
                ValidationFailedException => (400, Messages.Get("Problem.Validation")),
                NotFoundException => (404, Messages.Get("Problem.NotFound")),
                ConcurrencyConflictException => (409, Messages.Get("Problem.Conflict")),
                ForbiddenException => (403, Messages.Get("Problem.Forbidden")),
                _ => (400, ex.Message),
            };
            httpContext.Response.StatusCode = status;
            var details = ex is ValidationFailedException v
                ? new ValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value)) { Status = status, Title = title }
                : new ProblemDetails { Status = status, Title = title, Detail = ex.Message };
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
        }
    }
}

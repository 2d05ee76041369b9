using Cadre.Web.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedText> text) : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public IActionResult OnGet(int? status) => Describe(status);

    public IActionResult OnPost(int? status) => Describe(status);

    // A failure during a PUT, DELETE or PATCH is re-executed here with its own method: without these the page had no
    // handler and showed an empty heading.
    public IActionResult OnPut(int? status) => Describe(status);

    public IActionResult OnDelete(int? status) => Describe(status);

    public IActionResult OnPatch(int? status) => Describe(status);

    private IActionResult Describe(int? status)
    {
        var code = status ?? 500;
        Response.StatusCode = code;
        (Title, Explanation) = code switch
        {
            404 => (text["Error.NotFound.Title"].Value, text["Error.NotFound.Text"].Value),
            403 => (text["Error.Forbidden.Title"].Value, text["Error.Forbidden.Text"].Value),
            400 => (text["Error.BadRequest.Title"].Value, text["Error.BadRequest.Text"].Value),
            429 => (text["Error.TooMany.Title"].Value, text["Error.TooMany.Text"].Value),
            _ => (text["Error.Server.Title"].Value, text["Error.Server.Text"].Value),
        };
        // An API caller gets ProblemDetails, as for every other API error, not an HTML page.
        var original = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        if (original is not null && original.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonResult(new ProblemDetails { Status = code, Title = Title, Detail = Explanation }) { StatusCode = code, ContentType = "application/problem+json" };
        }
        return Page();
    }
}

using Cadre.Web.Resources;
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

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
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
    }
}

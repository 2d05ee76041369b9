using Cadre.Core.Common;
using Cadre.Core.Consultation;
using Cadre.Web.Infrastructure;
using Cadre.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Consultation;

/// <summary>What every Consultation page needs: who is acting, and how a refused or failed write is answered.</summary>
public abstract class ConsultationPageModel : PageModel
{
    private ICurrentActor? _actor;
    private IStringLocalizer<ConsultationText>? _text;

    protected ICurrentActor Actor => _actor ??= HttpContext.RequestServices.GetRequiredService<ICurrentActor>();

    /// <summary>A chair or the secretariat: runs surveys and sees results before they are published.</summary>
    public bool CanManage => ConsultationPermissions.CanManage(Actor);

    /// <summary>A Delegate with a Member: answers surveys for that Member.</summary>
    public bool CanAnswer => ConsultationPermissions.CanAnswer(Actor);

    protected IActionResult Refuse() => Actor.IsAuthenticated ? Forbid() : Challenge();

    /// <summary>Not found and forbidden become 404 and 403; other failures go to the model state. Null: show the page again.</summary>
    protected IActionResult? Fail(CadreException ex, string prefix = "")
    {
        switch (ex)
        {
            case NotFoundException:
                return NotFound();
            case ForbiddenException:
                return Refuse();
            case ValidationFailedException v:
                foreach (var (field, messages) in v.Errors)
                {
                    foreach (var m in messages) ModelState.AddModelError(field is "survey" or "action" ? string.Empty : (prefix.Length > 0 ? prefix + "." : "") + field, m);
                }
                return null;
            default:
                ModelState.AddModelError(string.Empty, ex.Message);
                return null;
        }
    }

    protected void Flash(string message) => TempData["Message"] = message;

    protected string Text(string key, params object[] arguments) =>
        (_text ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ConsultationText>>())[key, arguments].Value;

    public static string Local(LocalizedText text) => text.Local();
}

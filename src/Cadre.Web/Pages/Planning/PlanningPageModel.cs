using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Web.Infrastructure;
using Cadre.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Pages.Planning;

/// <summary>What every Planning page needs: who may edit, and how a refused or failed write is answered.</summary>
public abstract class PlanningPageModel : PageModel
{
    private ICurrentActor? _actor;

    protected ICurrentActor Actor => _actor ??= HttpContext.RequestServices.GetRequiredService<ICurrentActor>();

    /// <summary>True when the current user may change plans and vocabularies (a Planner).</summary>
    public bool CanEdit => PlanningPermissions.CanEdit(Actor);

    private static readonly HashSet<string> NotAField = ["plan", "entry", "file"];

    /// <summary>Anonymous users are sent to sign in; signed-in users without the Planner role get 403.</summary>
    protected IActionResult Refuse() => Actor.IsAuthenticated ? Forbid() : Challenge();

    /// <summary>
    /// Maps a handler failure: not found becomes 404, forbidden becomes 403; validation and conflicts
    /// go to the model state, shown by the error summary. Returns null when the page should be shown again.
    /// </summary>
    protected IActionResult? Fail(CadreException ex, string prefix = "")
    {
        switch (ex)
        {
            case NotFoundException:
                return NotFound();
            case ForbiddenException:
                return Refuse();
            case ValidationFailedException v when v.Errors.Keys.Any(NotAField.Contains):
                // Rules about the whole item (a superseded plan, a status) have no field to point at.
                foreach (var (field, messages) in v.Errors)
                {
                    foreach (var m in messages)
                    {
                        if (NotAField.Contains(field)) ModelState.AddModelError(string.Empty, m);
                        else new ValidationFailedException(field, m).AddTo(ModelState, prefix);
                    }
                }
                return null;
            default:
                ex.AddTo(ModelState, prefix);
                return null;
        }
    }

    /// <summary>Like <see cref="Fail"/>, but every message goes to the top of the page (no field to link to).</summary>
    protected IActionResult? FailAtTop(CadreException ex)
    {
        if (ex is NotFoundException or ForbiddenException) return Fail(ex);
        if (ex is ValidationFailedException v)
        {
            foreach (var m in v.Errors.SelectMany(e => e.Value)) ModelState.AddModelError(string.Empty, m);
        }
        else
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }
        return null;
    }

    protected void Flash(string message) => TempData["Message"] = message;

    private IStringLocalizer<PlanningText>? _text;

    /// <summary>A Planning interface string in the request's language.</summary>
    protected string Text(string key, params object[] arguments) =>
        (_text ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<PlanningText>>())[key, arguments].Value;
}

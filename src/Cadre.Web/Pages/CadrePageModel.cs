using Cadre.Core.Common;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Pages;

/// <summary>
/// What every area's pages share: who is acting, and how a refused or failed write is answered. The
/// area bases (Planning, Drafting, Finance...) add their permissions and strings on top.
/// </summary>
public abstract class CadrePageModel : PageModel
{
    private ICurrentActor? _actor;

    protected ICurrentActor Actor => _actor ??= HttpContext.RequestServices.GetRequiredService<ICurrentActor>();

    /// <summary>
    /// Error keys that name the whole item (a superseded plan, a status) rather than a field of the form:
    /// their messages go to the top of the page. None by default.
    /// </summary>
    protected virtual IReadOnlySet<string> WholeItemErrorKeys => NoKeys;

    private static readonly IReadOnlySet<string> NoKeys = new HashSet<string>();

    /// <summary>Anonymous users are sent to sign in; signed-in users without the right get 403.</summary>
    protected IActionResult Refuse() => Actor.IsAuthenticated ? Forbid() : Challenge();

    /// <summary>
    /// Maps a handler failure: not found becomes 404, forbidden becomes 403 (or sign-in); validation and
    /// conflicts go to the model state, shown by the error summary. Returns null when the page should be shown again.
    /// </summary>
    protected IActionResult? Fail(CadreException ex, string prefix = "")
    {
        switch (ex)
        {
            case NotFoundException:
                return NotFound();
            case ForbiddenException:
                return Refuse();
            case ValidationFailedException v when v.Errors.Keys.Any(WholeItemErrorKeys.Contains):
                foreach (var (field, messages) in v.Errors)
                {
                    foreach (var m in messages)
                    {
                        if (WholeItemErrorKeys.Contains(field)) ModelState.AddModelError(string.Empty, m);
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
}

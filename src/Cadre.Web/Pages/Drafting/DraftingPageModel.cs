using Cadre.Core.Common;
using Cadre.Core.Drafting;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Pages.Drafting;

/// <summary>What every Drafting page needs: who the actor is, and how a refused or failed write is answered.</summary>
public abstract class DraftingPageModel : PageModel
{
    private ICurrentActor? _actor;

    protected ICurrentActor Actor => _actor ??= HttpContext.RequestServices.GetRequiredService<ICurrentActor>();

    /// <summary>Chair or Planner: instruments, versions and compilations.</summary>
    public bool IsSecretariat => DraftingPermissions.IsSecretariat(Actor);

    /// <summary>A Delegate with a Member: may propose.</summary>
    public bool CanPropose => DraftingPermissions.CanPropose(Actor);

    protected IActionResult Refuse() => Actor.IsAuthenticated ? Forbid() : Challenge();

    /// <summary>Not found → 404, forbidden → 403 (or sign-in); other failures go to the model state. Null: show the page again.</summary>
    protected IActionResult? Fail(CadreException ex, string prefix = "")
    {
        switch (ex)
        {
            case NotFoundException:
                return NotFound();
            case ForbiddenException:
                return Refuse();
            default:
                ex.AddTo(ModelState, prefix);
                return null;
        }
    }

    /// <summary>A file download whose name is encoded per RFC 6266.</summary>
    protected FileContentResult Download(byte[] content, string contentType, string fileName) => File(content, contentType, fileName);
}

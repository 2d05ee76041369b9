using Cadre.Core.Common;
using Cadre.Core.Finance;
using Cadre.Web.Infrastructure;
using Cadre.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Finance;

/// <summary>What every Finance page needs: who may edit, money in thousands, and how a failed write is answered.</summary>
public abstract class FinancePageModel : PageModel
{
    private ICurrentActor? _actor;
    private IStringLocalizer<FinanceText>? _text;

    protected ICurrentActor Actor => _actor ??= HttpContext.RequestServices.GetRequiredService<ICurrentActor>();

    public bool CanEdit => FinancePermissions.CanEdit(Actor);

    protected IActionResult Refuse() => Actor.IsAuthenticated ? Forbid() : Challenge();

    /// <summary>CHF in thousands, as ITU documents show them.</summary>
    public static string K(decimal chf) => Money.Thousands(chf);

    protected string Text(string key, params object[] arguments) =>
        (_text ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<FinanceText>>())[key, arguments].Value;

    /// <summary>Maps a handler failure: 404, 403, or errors shown on the page (null).</summary>
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
}

using Cadre.Core.Finance;
using Cadre.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Finance;

/// <summary>What every Finance page needs on top of <see cref="CadrePageModel"/>: who may edit, money in thousands, and the Finance strings.</summary>
public abstract class FinancePageModel : CadrePageModel
{
    private IStringLocalizer<FinanceText>? _text;

    public bool CanEdit => FinancePermissions.CanEdit(Actor);

    /// <summary>CHF in thousands, as ITU documents show them.</summary>
    public static string K(decimal chf) => Money.Thousands(chf);

    protected string Text(string key, params object[] arguments) =>
        (_text ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<FinanceText>>())[key, arguments].Value;
}

using Cadre.Core.Planning;
using Cadre.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Planning;

/// <summary>What every Planning page needs on top of <see cref="CadrePageModel"/>: who may edit, and the Planning strings.</summary>
public abstract class PlanningPageModel : CadrePageModel
{
    private static readonly HashSet<string> NotAField = ["plan", "entry", "file"];
    private IStringLocalizer<PlanningText>? _text;

    /// <summary>True when the current user may change plans and vocabularies (a Planner).</summary>
    public bool CanEdit => PlanningPermissions.CanEdit(Actor);

    /// <summary>Rules about the whole plan, vocabulary entry or imported file have no field to point at.</summary>
    protected override IReadOnlySet<string> WholeItemErrorKeys => NotAField;

    /// <summary>A Planning interface string in the request's language.</summary>
    protected string Text(string key, params object[] arguments) =>
        (_text ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<PlanningText>>())[key, arguments].Value;
}

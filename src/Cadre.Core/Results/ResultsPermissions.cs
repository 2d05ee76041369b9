using Cadre.Core.Common;
using Cadre.Core.Identity;
using Cadre.Core.Planning;

namespace Cadre.Core.Results;

/// <summary>
/// Who may do what in Results. Planners define indicators; the indicator's Reporter (any Reporter while
/// none is assigned) submits and corrects values; a Validator (the one assigned, if any) approves or
/// rejects them, never a value they submitted. Validated values of published plans are public;
/// provisional and rejected values are seen by the secretariat only.
/// </summary>
public static class ResultsPermissions
{
    public static bool CanEditIndicators(ICurrentActor actor) => PlanningPermissions.CanEdit(actor);

    public static bool CanSeeUnvalidated(ICurrentActor actor) => PlanningPermissions.CanReadDrafts(actor);

    public static bool CanSubmit(ICurrentActor actor, Indicator indicator) =>
        actor.IsAuthenticated && actor.IsInRole(Roles.Reporter) && actor.UserId is not null
        && (indicator.OwnerUserId is null || indicator.OwnerUserId == actor.UserId);

    public static bool CanDecide(ICurrentActor actor, Indicator indicator) =>
        actor.IsAuthenticated && actor.IsInRole(Roles.Validator) && actor.UserId is not null
        && (indicator.ValidatorUserId is null || indicator.ValidatorUserId == actor.UserId);

    public static void EnsureCanEditIndicators(ICurrentActor actor)
    {
        if (!CanEditIndicators(actor)) throw new ForbiddenException(Messages.Get("Error.Forbidden"));
    }
}

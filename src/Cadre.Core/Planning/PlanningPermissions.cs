using Cadre.Core.Common;
using Cadre.Core.Identity;

namespace Cadre.Core.Planning;

/// <summary>Who may do what in Planning. Pages, API and CLI all ask here.</summary>
public static class PlanningPermissions
{
    /// <summary>Roles that may read draft (unpublished) plans: the secretariat and the Council.</summary>
    public static readonly IReadOnlyList<string> DraftReaders = [Roles.Planner, Roles.Admin, Roles.Reporter, Roles.Validator, Roles.Chair, Roles.Councillor];

    public static bool CanReadDrafts(ICurrentActor actor) => actor.IsAuthenticated && DraftReaders.Any(actor.IsInRole);

    public static bool CanRead(ICurrentActor actor, Plan plan) => plan.IsPublished || CanReadDrafts(actor);

    public static bool CanEdit(ICurrentActor actor) => actor.IsAuthenticated && actor.IsInRole(Roles.Planner);

    public static void EnsureCanEdit(ICurrentActor actor)
    {
        if (!CanEdit(actor)) throw new ForbiddenException(Messages.Get("Error.Forbidden"));
    }
}

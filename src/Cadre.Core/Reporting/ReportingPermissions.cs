using Cadre.Core.Common;
using Cadre.Core.Identity;
using Cadre.Core.Planning;

namespace Cadre.Core.Reporting;

/// <summary>Who may do what with reports. Pages, API and CLI all ask here.</summary>
public static class ReportingPermissions
{
    /// <summary>A published report is public; an unpublished one is read by those who may read draft plans.</summary>
    public static bool CanRead(ICurrentActor actor, Report report) => report.IsPublished || PlanningPermissions.CanReadDrafts(actor);

    /// <summary>Planners create reports, write narratives, generate, submit, publish and correct.</summary>
    public static bool CanManage(ICurrentActor actor) => actor.IsAuthenticated && actor.IsInRole(Roles.Planner);

    /// <summary>Councillors record the Council's decision.</summary>
    public static bool CanRecordDecision(ICurrentActor actor) => actor.IsAuthenticated && actor.IsInRole(Roles.Councillor);

    public static void EnsureCanManage(ICurrentActor actor)
    {
        if (!CanManage(actor)) throw new ForbiddenException(Messages.Get("Error.Forbidden"));
    }

    public static void EnsureCanRecordDecision(ICurrentActor actor)
    {
        if (!CanRecordDecision(actor)) throw new ForbiddenException(Messages.Get("Error.Forbidden"));
    }
}

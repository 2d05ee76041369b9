using Cadre.Core.Common;
using Cadre.Core.Identity;

namespace Cadre.Core.Consultation;

/// <summary>Who may do what with surveys. Pages, API and CLI all ask here.</summary>
public static class ConsultationPermissions
{
    /// <summary>Chairs run surveys; the secretariat (Planners) runs them with them.</summary>
    public static readonly IReadOnlyList<string> Managers = [Roles.Chair, Roles.Planner];

    public static bool CanManage(ICurrentActor actor) => actor.IsAuthenticated && Managers.Any(actor.IsInRole);

    public static void EnsureCanManage(ICurrentActor actor)
    {
        if (!CanManage(actor)) throw new ForbiddenException(Messages.Get("Error.Forbidden"));
    }

    /// <summary>Drafts are seen by their managers only; open and closed surveys by anyone.</summary>
    public static bool CanRead(ICurrentActor actor, Survey survey) => survey.Status != SurveyStatus.Draft || CanManage(actor);

    /// <summary>Results are seen by the managers from the first answer, by everyone once published.</summary>
    public static bool CanSeeResults(ICurrentActor actor, Survey survey) =>
        (survey.ResultsPublished && survey.Status != SurveyStatus.Draft) || CanManage(actor);

    /// <summary>A Delegate with a Member answers for that Member.</summary>
    public static bool CanAnswer(ICurrentActor actor) =>
        actor.IsAuthenticated && actor.IsInRole(Roles.Delegate) && !string.IsNullOrEmpty(actor.MemberCode);
}

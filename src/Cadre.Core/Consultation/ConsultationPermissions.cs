using Cadre.Core.Common;
using Cadre.Core.Identity;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>A Delegate answers for their Member (<see cref="ActorMemberAsync"/>).</summary>
    public static bool CanAnswer(ICurrentActor actor) => actor.IsAuthenticated && actor.IsInRole(Roles.Delegate);

    /// <summary>
    /// The Member the actor acts for: from the access token's claim, else from the user's account
    /// (a cookie sign-in carries no Member claim). Null when the user has no Member.
    /// </summary>
    public static async Task<(int Id, string Code)?> ActorMemberAsync(Data.CadreDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var actor = db.Actor;
        if (!CanAnswer(actor)) return null;
        var member = !string.IsNullOrEmpty(actor.MemberCode)
            ? await db.Members.Where(m => m.Code == actor.MemberCode).Select(m => new { m.Id, m.Code }).FirstOrDefaultAsync(ct)
            : await db.Users.Where(u => u.Id == actor.UserId && u.MemberId != null).Select(u => new { u.Member!.Id, u.Member.Code }).FirstOrDefaultAsync(ct);
        return member is null ? null : (member.Id, member.Code);
    }
}

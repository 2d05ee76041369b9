using Cadre.Core.Common;
using Cadre.Core.Identity;

namespace Cadre.Core.Drafting;

/// <summary>Who may do what in Drafting. Pages, API and CLI all ask here.</summary>
public static class DraftingPermissions
{
    /// <summary>The secretariat and chairs: instruments, versions and compilations; they read every proposal.</summary>
    public static bool IsSecretariat(ICurrentActor actor) =>
        actor.IsAuthenticated && (actor.IsInRole(Roles.Chair) || actor.IsInRole(Roles.Planner));

    /// <summary>Who reads draft versions: those who read draft plans (the secretariat and the Council), and chairs.</summary>
    public static bool CanReadDrafts(ICurrentActor actor) => IsSecretariat(actor) || Planning.PlanningPermissions.CanReadDrafts(actor);

    /// <summary>Who reads every Member's proposals and the compilations: the secretariat and admins.</summary>
    public static bool CanReadAll(ICurrentActor actor) => IsSecretariat(actor) || (actor.IsAuthenticated && actor.IsInRole(Roles.Admin));

    public static bool CanRead(ICurrentActor actor, InstrumentVersion version) => version.IsPublished || CanReadDrafts(actor);

    /// <summary>A Delegate proposes for their own Member only.</summary>
    public static bool CanPropose(ICurrentActor actor) =>
        actor.IsAuthenticated && actor.IsInRole(Roles.Delegate) && !string.IsNullOrEmpty(actor.MemberCode);

    /// <summary>A proposal is read by the secretariat and by the Delegates of its proposing and co-signing Members.</summary>
    public static bool CanRead(ICurrentActor actor, Proposal proposal) =>
        CanReadAll(actor) || (actor.IsAuthenticated && actor.IsInRole(Roles.Delegate) && actor.MemberCode is { } m && proposal.AllMembers.Contains(m, StringComparer.Ordinal));

    /// <summary>Only the proposing Member's Delegates change or submit a proposal.</summary>
    public static bool CanEdit(ICurrentActor actor, Proposal proposal) =>
        CanPropose(actor) && string.Equals(actor.MemberCode, proposal.MemberCode, StringComparison.Ordinal);

    public static void EnsureSecretariat(ICurrentActor actor)
    {
        if (!IsSecretariat(actor)) throw new ForbiddenException(Messages.Get("Error.Forbidden"));
    }
}

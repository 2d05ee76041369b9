using Cadre.Core.Common;
using Cadre.Core.Identity;

namespace Cadre.Core.Governance.Documents;

/// <summary>Who may do what with the document registry and contributions. Pages, API and CLI all ask here.</summary>
public static class DocumentPermissions
{
    /// <summary>The secretariat and the officers who run bodies: they register documents and read members-only ones.</summary>
    public static readonly IReadOnlyList<string> SecretariatRoles = [Roles.Admin, Roles.Planner, Roles.Chair];

    public static bool IsSecretariat(ICurrentActor actor) => actor.IsAuthenticated && SecretariatRoles.Any(actor.IsInRole);

    /// <summary>Members-only documents: users acting for a Member, and the secretariat.</summary>
    public static bool CanReadMembersOnly(ICurrentActor actor) =>
        actor.IsAuthenticated && (!string.IsNullOrEmpty(actor.MemberCode) || IsSecretariat(actor));

    public static bool CanRead(ICurrentActor actor, DocumentAccess access) =>
        access == DocumentAccess.Public || CanReadMembersOnly(actor);

    public static bool CanRegister(ICurrentActor actor) => IsSecretariat(actor);

    public static void EnsureCanRegister(ICurrentActor actor)
    {
        if (!CanRegister(actor)) throw new ForbiddenException(Messages.Get("Error.Forbidden"));
    }
}

namespace Cadre.Core.Common;

/// <summary>Who is acting: recorded in the audit trail and used by permission checks.</summary>
public interface ICurrentActor
{
    string? UserId { get; }
    string Name { get; }
    string? MemberCode { get; }
    bool IsInRole(string role);
    bool IsAuthenticated { get; }
}

/// <summary>An actor fixed at construction: the CLI, the demo loader, tests.</summary>
public sealed class FixedActor(string name, string? userId = null, IReadOnlyCollection<string>? roles = null, string? memberCode = null) : ICurrentActor
{
    public static readonly FixedActor System = new("system", roles: [Identity.Roles.Admin, Identity.Roles.Planner]);

    public string? UserId { get; } = userId;
    public string Name { get; } = name;
    public string? MemberCode { get; } = memberCode;
    public bool IsAuthenticated => true;
    public bool IsInRole(string role) => roles?.Contains(role) ?? false;
}

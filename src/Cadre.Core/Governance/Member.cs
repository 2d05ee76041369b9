using Cadre.Core.Common;

namespace Cadre.Core.Governance;

public enum MemberKind
{
    MemberState,
    SectorMember,
    Associate,
    Academia,
}

/// <summary>A Member State or Sector Member on whose behalf Delegates act.</summary>
public sealed class Member : IVersioned, IAudited
{
    public int Id { get; set; }
    /// <summary>ISO 3166 alpha-3 code for Member States, a short code for others.</summary>
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public MemberKind Kind { get; set; }
    /// <summary>ITU region for Member States (Africa, Americas, Arab States, Asia-Pacific, CIS, Europe).</summary>
    public string? Region { get; set; }
    public int Version { get; set; }
}

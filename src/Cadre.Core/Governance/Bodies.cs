using Cadre.Core.Common;
using Cadre.Core.Identity;

namespace Cadre.Core.Governance;

public enum BodyKind
{
    /// <summary>A conference: Plenipotentiary, WTDC, WTSA, RA...</summary>
    Conference,
    /// <summary>The ITU Council.</summary>
    Council,
    /// <summary>A Sector advisory group: TDAG, TSAG, RAG.</summary>
    AdvisoryGroup,
    /// <summary>A working group of the Council (e.g. CWG-SFP).</summary>
    CouncilWorkingGroup,
    /// <summary>A working group of an advisory group (e.g. TDAG-WG-SOP).</summary>
    AdvisoryGroupWorkingGroup,
}

public enum MembershipRule
{
    /// <summary>Open to every Member (of the body's Sector when one is set).</summary>
    OpenToSector,
    /// <summary>Only the Members listed in <see cref="Body.Members"/>.</summary>
    ListedMembers,
}

public enum OfficerRole
{
    Chair,
    ViceChair,
}

/// <summary>
/// A governing or advisory body: a conference, the Council, an advisory group or a working group,
/// with its mandate, officers, membership, working methods and lifespan.
/// </summary>
public sealed class Body : IVersioned, IAudited
{
    public int Id { get; set; }
    /// <summary>Unique code, e.g. <c>TDAG</c>, <c>TDAG-WG-SOP</c>, <c>CWG-SFP</c>.</summary>
    public string Code { get; set; } = "";
    public BodyKind Kind { get; set; }
    public LocalizedText Name { get; set; } = new();
    public int? ParentId { get; set; }
    public Body? Parent { get; set; }
    /// <summary>The Sector the body belongs to (<c>ITU-D</c>, <c>ITU-T</c>, <c>ITU-R</c>), or null for Union-wide bodies.</summary>
    public string? Sector { get; set; }
    /// <summary>The terms of reference, in each language.</summary>
    public LocalizedText Mandate { get; set; } = new();
    /// <summary>Symbol of the document that set the terms of reference, e.g. <c>TDAG-20/DT/7</c>.</summary>
    public string? MandateSymbol { get; set; }
    public MembershipRule Membership { get; set; }
    public bool WorksByCorrespondence { get; set; }
    public bool MeetsVirtually { get; set; }
    public bool MeetsPhysically { get; set; }
    /// <summary>Language code of the working language (documents and discussion), e.g. <c>en</c>.</summary>
    public string WorkingLanguage { get; set; } = "en";
    /// <summary>First day of the body's existence (when its mandate was approved).</summary>
    public DateOnly? ActiveFrom { get; set; }
    /// <summary>Last day of the body's existence; null while it lasts.</summary>
    public DateOnly? ActiveTo { get; set; }
    public int Version { get; set; }

    public List<BodyOfficer> Officers { get; set; } = [];
    public List<BodyMember> Members { get; set; } = [];
}

/// <summary>A chair or vice-chair of a body, for a term. <see cref="UserId"/> is set when the person has an account.</summary>
public sealed class BodyOfficer : IVersioned, IAudited
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public Body? Body { get; set; }
    public string? UserId { get; set; }
    public CadreUser? User { get; set; }
    /// <summary>The name shown (the user's display name when they have an account).</summary>
    public string Name { get; set; } = "";
    public OfficerRole Role { get; set; }
    public DateOnly? TermFrom { get; set; }
    public DateOnly? TermTo { get; set; }
    public int Version { get; set; }

    public bool IsServingOn(DateOnly day) => (TermFrom is null || TermFrom <= day) && (TermTo is null || day <= TermTo);
}

/// <summary>A Member listed in a body whose membership is <see cref="MembershipRule.ListedMembers"/>.</summary>
public sealed class BodyMember : IAudited
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public Body? Body { get; set; }
    public int MemberId { get; set; }
    public Member? Member { get; set; }
    public DateOnly? Since { get; set; }
}

using Cadre.Core.Common;

namespace Cadre.Core.Governance.Contributions;

public enum ContributionStatus
{
    /// <summary>Being written: visible only to the Delegates of its Members and the secretariat.</summary>
    Draft,
    /// <summary>Submitted to the meeting or the body's correspondence work.</summary>
    Submitted,
}

public enum ProposalOutcome
{
    /// <summary>Not yet decided.</summary>
    Pending,
    Agreed,
    Noted,
    NotAgreed,
}

/// <summary>
/// A Member's written contribution (possibly co-signed by other Members) to a meeting or to a body's
/// correspondence work, with its proposals and the outcome of each.
/// </summary>
public sealed class Contribution : IVersioned, IAudited
{
    public int Id { get; set; }
    public LocalizedText Title { get; set; } = new();
    public string? Summary { get; set; }
    public int BodyId { get; set; }
    /// <summary>The meeting it is for; null for the body's correspondence work.</summary>
    public int? MeetingId { get; set; }
    /// <summary>The Member whose Delegate wrote it.</summary>
    public int LeadMemberId { get; set; }
    public Member? LeadMember { get; set; }
    public ContributionStatus Status { get; set; }
    /// <summary>The deadline of its target when last saved or submitted; null when the target has none.</summary>
    public DateTime? DeadlineUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    /// <summary>Submitted after the deadline (accepted by the Chair).</summary>
    public bool IsLate { get; set; }
    /// <summary>The Chair who accepted it late.</summary>
    public string? AcceptedLateBy { get; set; }
    /// <summary>The registered document (symbol) the secretariat gave it, if any.</summary>
    public int? DocumentId { get; set; }
    public int Version { get; set; }

    public List<ContributionSigner> Signers { get; set; } = [];
    public List<ContributionProposal> Proposals { get; set; } = [];
}

/// <summary>A Member that signed the contribution (the lead Member is one of them).</summary>
public sealed class ContributionSigner : IAudited
{
    public int ContributionId { get; set; }
    public int MemberId { get; set; }
    public Member? Member { get; set; }
}

/// <summary>One proposal of a contribution and the outcome the Chair recorded for it.</summary>
public sealed class ContributionProposal : IVersioned, IAudited
{
    public int Id { get; set; }
    public int ContributionId { get; set; }
    /// <summary>1, 2, ... in the contribution.</summary>
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public ProposalOutcome Outcome { get; set; }
    /// <summary>Whether the outcome was reached by consensus; null while pending.</summary>
    public bool? ByConsensus { get; set; }
    public string? OutcomeNote { get; set; }
    public DateTime? OutcomeAtUtc { get; set; }
    public string? OutcomeBy { get; set; }
    public int Version { get; set; }
}

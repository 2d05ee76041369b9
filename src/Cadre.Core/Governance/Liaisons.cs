using Cadre.Core.Common;
using Cadre.Core.Planning;

namespace Cadre.Core.Governance;

public enum LiaisonAction
{
    ForInformation,
    ForComment,
    ForAction,
}

/// <summary>A liaison statement from one body to another; a reply points back to the statement it answers.</summary>
public sealed class LiaisonStatement : IVersioned, IAudited
{
    public int Id { get; set; }
    public int FromBodyId { get; set; }
    public Body? FromBody { get; set; }
    public int ToBodyId { get; set; }
    public Body? ToBody { get; set; }
    /// <summary>Document symbol of the statement, e.g. <c>TDAG-WG-Prep/25-E</c>.</summary>
    public string? Symbol { get; set; }
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Text { get; set; } = new();
    public LiaisonAction Action { get; set; }
    public DateOnly SentOn { get; set; }
    /// <summary>When a reply or action is expected.</summary>
    public DateOnly? Deadline { get; set; }
    /// <summary>The statement this one replies to.</summary>
    public int? InReplyToId { get; set; }
    public LiaisonStatement? InReplyTo { get; set; }
    /// <summary>Documents sent with the statement or that it concerns, separated by <c>; </c>.</summary>
    public string Documents { get; set; } = "";
    public int Version { get; set; }
}

public enum RecommendationStatus
{
    Proposed,
    Endorsed,
    Rejected,
    Implemented,
}

/// <summary>A recommendation from a body to its parent, and the decision that settled it.</summary>
public sealed class Recommendation : IVersioned, IAudited
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public Body? Body { get; set; }
    /// <summary>The body it is addressed to (the parent when made).</summary>
    public int ToBodyId { get; set; }
    public Body? ToBody { get; set; }
    /// <summary>Number within the body's recommendations, e.g. <c>1</c>, or <c>2020-3</c>.</summary>
    public string Number { get; set; } = "";
    public LocalizedText Text { get; set; } = new();
    /// <summary>Symbol of the document that carried it, e.g. <c>TDAG-20/3/3</c>.</summary>
    public string? SourceSymbol { get; set; }
    public DateOnly ProposedOn { get; set; }
    public RecommendationStatus Status { get; set; }
    /// <summary>The decision that settled it (endorsed, rejected, implemented).</summary>
    public LocalizedText Decision { get; set; } = new();
    public string? DecisionSymbol { get; set; }
    public DateOnly? DecidedOn { get; set; }
    /// <summary>Other related documents, separated by <c>; </c>.</summary>
    public string Documents { get; set; } = "";
    public int Version { get; set; }

    public List<RecommendationElement> Elements { get; set; } = [];
}

/// <summary>A plan element a recommendation is about.</summary>
public sealed class RecommendationElement : IAudited
{
    public int RecommendationId { get; set; }
    public Recommendation? Recommendation { get; set; }
    public int PlanElementId { get; set; }
    public PlanElement? PlanElement { get; set; }
}

public enum WorkItemKind
{
    /// <summary>Deadline for written contributions.</summary>
    ContributionDeadline,
    /// <summary>A report due to the parent body.</summary>
    ReportDue,
    /// <summary>Draft circulated for comments, or any other milestone.</summary>
    Milestone,
}

/// <summary>An entry of a body's work programme: a deadline or a report due.</summary>
public sealed class WorkItem : IVersioned, IAudited
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public Body? Body { get; set; }
    public WorkItemKind Kind { get; set; }
    public LocalizedText Title { get; set; } = new();
    public DateOnly DueOn { get; set; }
    /// <summary>The meeting the deadline is for, if any.</summary>
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int Version { get; set; }
}

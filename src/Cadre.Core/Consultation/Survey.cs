using Cadre.Core.Common;
using Cadre.Core.Governance;

namespace Cadre.Core.Consultation;

public enum SurveyStatus
{
    /// <summary>Being prepared by the chair; only the chair and the secretariat see it.</summary>
    Draft,
    /// <summary>Open to answers between its opening and closing dates.</summary>
    Open,
    /// <summary>No more answers.</summary>
    Closed,
}

public enum QuestionKind
{
    /// <summary>Order the options (all of them, or the top k).</summary>
    Ranking,
    SingleChoice,
    MultipleChoice,
    /// <summary>A scale from 1 to <see cref="SurveyQuestion.ScalePoints"/>.</summary>
    Likert,
    FreeText,
}

/// <summary>A survey a chair puts to the Members of a body: one response per Member.</summary>
public sealed class Survey : IVersioned, IAudited
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    /// <summary>The body whose Members are asked (gov_bodies); null for a survey of all Members.</summary>
    public int? BodyId { get; set; }
    public SurveyStatus Status { get; set; }
    public DateTime OpensAtUtc { get; set; }
    public DateTime ClosesAtUtc { get; set; }
    /// <summary>Results and exports never show who answered what.</summary>
    public bool Anonymous { get; set; }
    public bool ResultsPublished { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    public string? CreatedByUserId { get; set; }
    public int Version { get; set; }
    public List<SurveyQuestion> Questions { get; set; } = [];

    /// <summary>True when a Delegate may answer or revise at <paramref name="nowUtc"/>.</summary>
    public bool AcceptsAnswers(DateTime nowUtc) => Status == SurveyStatus.Open && nowUtc >= OpensAtUtc && nowUtc < ClosesAtUtc;
}

public sealed class SurveyQuestion : IAudited
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public Survey? Survey { get; set; }
    /// <summary>1-based order in the survey.</summary>
    public int Position { get; set; }
    public QuestionKind Kind { get; set; }
    public LocalizedText Text { get; set; } = new();
    public bool Required { get; set; } = true;
    /// <summary>Ranking: how many options must be ranked (null: all of them).</summary>
    public int? TopK { get; set; }
    /// <summary>Likert: the number of points of the scale (2 to 11).</summary>
    public int? ScalePoints { get; set; }
    public List<SurveyOption> Options { get; set; } = [];
}

public sealed class SurveyOption : IAudited
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public int Position { get; set; }
    /// <summary>A short code shown with the label (D.4); unique in its question.</summary>
    public string Code { get; set; } = "";
    public LocalizedText Label { get; set; } = new();
}

/// <summary>A Member's one response to a survey; any Delegate of the Member may revise it until the close.</summary>
public sealed class SurveyResponse : IVersioned, IAudited
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int MemberId { get; set; }
    public Member? Member { get; set; }
    public string? SubmittedByUserId { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>
/// The answer to one question: <see cref="Choices"/> holds option ids separated by commas (in rank
/// order for a ranking), <see cref="Scale"/> the Likert point, <see cref="Text"/> free text.
/// </summary>
public sealed class SurveyAnswer : IAudited
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public int QuestionId { get; set; }
    public string? Choices { get; set; }
    public int? Scale { get; set; }
    public string? Text { get; set; }

    public IReadOnlyList<int> ChoiceIds() =>
        string.IsNullOrEmpty(Choices) ? [] : Choices.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}

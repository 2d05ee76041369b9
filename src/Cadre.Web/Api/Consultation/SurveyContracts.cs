using Cadre.Core.Consultation;
using Cadre.Core.Consultation.Handlers;

namespace Cadre.Web.Api.Consultation;

/// <summary>An option of a choice or ranking question.</summary>
/// <param name="Code">A short code, unique in the question (D.4).</param>
/// <param name="Label">The label per language code.</param>
public sealed record OptionRequest(string Code, Dictionary<string, string?> Label);

/// <param name="Kind">ranking, singleChoice, multipleChoice, likert or freeText.</param>
/// <param name="Text">The question per language code.</param>
/// <param name="Options">The options (ranking and choice questions).</param>
/// <param name="Required">Whether an answer is needed (default true).</param>
/// <param name="TopK">Ranking: rank only the first k options.</param>
/// <param name="ScalePoints">Likert: the number of points (default 5).</param>
public sealed record QuestionRequest(QuestionKind Kind, Dictionary<string, string?> Text, List<OptionRequest>? Options, bool? Required, int? TopK, int? ScalePoints);

/// <param name="Code">A unique code.</param>
/// <param name="Title">The title per language code.</param>
/// <param name="Description">The description per language code.</param>
/// <param name="BodyId">The body whose Members are asked.</param>
/// <param name="OpensAt">When answers open (UTC).</param>
/// <param name="ClosesAt">When answers close (UTC).</param>
/// <param name="Anonymous">Results and exports never show who answered what.</param>
/// <param name="Questions">The questions, in order.</param>
/// <param name="Version">The version last read (updates only).</param>
public sealed record SaveSurveyRequest(string Code, Dictionary<string, string?> Title, Dictionary<string, string?>? Description, int? BodyId,
    DateTime OpensAt, DateTime ClosesAt, bool? Anonymous, List<QuestionRequest> Questions, int? Version);

/// <param name="Version">The version last read.</param>
public sealed record SurveyVersionRequest(int? Version);

/// <param name="QuestionId">The question.</param>
/// <param name="Choices">Option ids: one for a single choice, any for multiple choice, in rank order (best first) for a ranking.</param>
/// <param name="Scale">Likert: the point chosen, from 1.</param>
/// <param name="Text">Free text.</param>
public sealed record AnswerRequest(int QuestionId, List<int>? Choices, int? Scale, string? Text);

/// <param name="Answers">One answer per question.</param>
public sealed record SubmitResponseRequest(List<AnswerRequest> Answers);

public sealed record SurveySummaryResponse(int Id, string Code, Dictionary<string, string> Title, SurveyStatus Status, DateTime OpensAt, DateTime ClosesAt,
    bool Anonymous, bool ResultsPublished, int Responses, int Version);

public sealed record SurveyPageResponse(List<SurveySummaryResponse> Items, int Page, int PageSize, int Total, int PageCount);

public sealed record OptionResponse(int Id, string Code, Dictionary<string, string> Label);

public sealed record QuestionResponse(int Id, int Position, QuestionKind Kind, Dictionary<string, string> Text, bool Required, int? TopK, int? ScalePoints, List<OptionResponse> Options);

public sealed record SurveyResponseBody(int Id, string Code, Dictionary<string, string> Title, Dictionary<string, string> Description, int? BodyId,
    SurveyStatus Status, DateTime OpensAt, DateTime ClosesAt, bool Anonymous, bool ResultsPublished, DateTime? PublishedAt, bool AcceptsAnswers,
    List<QuestionResponse> Questions, int Version);

public sealed record AnswerResponse(int QuestionId, List<int> Choices, int? Scale, string? Text);

public sealed record OwnResponseBody(int Id, string Member, DateTime SubmittedAt, DateTime UpdatedAt, List<AnswerResponse> Answers, int Version);

public sealed record MeanRankResponse(string Item, double Mean, List<int> Distribution);

public sealed record ScoreResponse(string Item, double Points);

/// <param name="Items">The option codes, in the order of the matrices' rows and columns.</param>
/// <param name="MeanRanks">Best first, with how many ballots put the item at each rank.</param>
/// <param name="Borda">Best first.</param>
/// <param name="SchulzeOrder">Best first; items tied share a rank.</param>
/// <param name="SchulzeRanks">The rank of each item, in the order of <paramref name="SchulzeOrder"/>.</param>
/// <param name="CondorcetWinner">The item that beats every other one pairwise, if any.</param>
/// <param name="Pairwise">Pairwise[i][j]: how many ballots rank item i above item j.</param>
/// <param name="StrongestPaths">The strengths of the strongest paths (Schulze).</param>
public sealed record RankingResponse(List<string> Items, List<MeanRankResponse> MeanRanks, List<ScoreResponse> Borda, List<string> SchulzeOrder,
    List<int> SchulzeRanks, string? CondorcetWinner, List<List<int>> Pairwise, List<List<int>> StrongestPaths);

public sealed record OptionCountResponse(int OptionId, string Code, string Label, int Count);

public sealed record FreeTextResponse(string? Member, string Text);

public sealed record QuestionResultsResponse(int QuestionId, int Position, QuestionKind Kind, string Text, int Answers, List<OptionCountResponse> Options,
    List<int> Scale, double? ScaleMean, List<FreeTextResponse> Texts, RankingResponse? Ranking);

public sealed record SurveyResultsResponse(int SurveyId, int Responses, bool Anonymous, List<QuestionResultsResponse> Questions);

internal static class SurveyMapping
{
    public static SaveSurvey.Request ToRequest(this SaveSurveyRequest r, int? id) =>
        new(id, r.Version, r.Code, r.Title ?? [], r.Description, r.BodyId, r.OpensAt, r.ClosesAt, r.Anonymous ?? false,
            (r.Questions ?? []).Select(q => new QuestionInput(q.Kind, q.Text ?? [], q.Options?.Select(o => new OptionInput(o.Code, o.Label ?? [])).ToList(),
                q.Required ?? true, q.TopK, q.ScalePoints)).ToList());

    public static SurveySummaryResponse ToResponse(this SurveySummary s) =>
        new(s.Id, s.Code, s.Title.ToDictionary(), s.Status, s.OpensAtUtc, s.ClosesAtUtc, s.Anonymous, s.ResultsPublished, s.Responses, s.Version);

    public static SurveyResponseBody ToResponse(this Survey s, DateTime now) =>
        new(s.Id, s.Code, s.Title.ToDictionary(), s.Description.ToDictionary(), s.BodyId, s.Status, s.OpensAtUtc, s.ClosesAtUtc, s.Anonymous,
            s.ResultsPublished, s.PublishedAtUtc, s.AcceptsAnswers(now),
            s.Questions.OrderBy(q => q.Position).Select(q => new QuestionResponse(q.Id, q.Position, q.Kind, q.Text.ToDictionary(), q.Required, q.TopK, q.ScalePoints,
                q.Options.OrderBy(o => o.Position).Select(o => new OptionResponse(o.Id, o.Code, o.Label.ToDictionary())).ToList())).ToList(),
            s.Version);

    public static OwnResponseBody ToResponse(this OwnResponse r) =>
        new(r.Id, r.MemberCode, r.SubmittedAtUtc, r.UpdatedAtUtc,
            r.Answers.OrderBy(a => a.QuestionId).Select(a => new AnswerResponse(a.QuestionId, a.ChoiceIds().ToList(), a.Scale, a.Text)).ToList(), r.Version);

    public static SurveyResultsResponse ToResponse(this SurveyResultsView v) =>
        new(v.SurveyId, v.Responses, v.Anonymous, v.Questions.Select(q => new QuestionResultsResponse(q.QuestionId, q.Position, q.Kind, q.Text, q.Answers,
            q.Options.Select(o => new OptionCountResponse(o.OptionId, o.Code, o.Label, o.Count)).ToList(), q.Scale.ToList(), q.ScaleMean,
            q.Texts.Select(t => new FreeTextResponse(t.MemberCode, t.Text)).ToList(), q.Ranking is null ? null : Ranking(q.Ranking))).ToList());

    private static RankingResponse Ranking(RankingResults r)
    {
        var codes = r.Items.Select(i => i.Code).ToList();
        return new RankingResponse(codes,
            r.MeanRanks.Select(m => new MeanRankResponse(codes[m.Item], Math.Round(m.Mean, 4), m.Distribution.ToList())).ToList(),
            r.Borda.Select(b => new ScoreResponse(codes[b.Item], b.Points)).ToList(),
            r.Schulze.Order.Select(i => codes[i]).ToList(),
            r.Schulze.Order.Select(i => r.Schulze.Ranks[i]).ToList(),
            r.Schulze.CondorcetWinner is int w ? codes[w] : null,
            Matrix(r.Schulze.Pairwise), Matrix(r.Schulze.Strongest));
    }

    private static List<List<int>> Matrix(int[,] m) =>
        Enumerable.Range(0, m.GetLength(0)).Select(i => Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j]).ToList()).ToList();
}

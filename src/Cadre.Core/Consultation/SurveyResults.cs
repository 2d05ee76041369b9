namespace Cadre.Core.Consultation;

public sealed record OptionCount(int OptionId, string Code, string Label, int Count);

public sealed record FreeTextAnswer(string? MemberCode, string Text);

public sealed record RankingResults(
    /// <summary>The options, indexed as in the matrices and the aggregation results.</summary>
    IReadOnlyList<OptionCount> Items,
    IReadOnlyList<MeanRank> MeanRanks,
    IReadOnlyList<BordaScore> Borda,
    SchulzeResult Schulze);

public sealed record QuestionResults(
    int QuestionId,
    int Position,
    QuestionKind Kind,
    string Text,
    int Answers,
    IReadOnlyList<OptionCount> Options,
    /// <summary>Likert: how many chose each point, from 1.</summary>
    IReadOnlyList<int> Scale,
    double? ScaleMean,
    IReadOnlyList<FreeTextAnswer> Texts,
    RankingResults? Ranking);

public sealed record SurveyResultsView(int SurveyId, int Responses, bool Anonymous, IReadOnlyList<QuestionResults> Questions);

/// <summary>A response as the results need it: the Member (null for anonymous surveys) and its answers.</summary>
public sealed record ResponseAnswers(string? MemberCode, IReadOnlyList<SurveyAnswer> Answers);

/// <summary>Counts and aggregates the responses of a survey, per question. Pure: no database, no clock.</summary>
public static class SurveyResultsCalculator
{
    public static SurveyResultsView Compute(Survey survey, IReadOnlyList<ResponseAnswers> responses, string language)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(responses);
        var questions = new List<QuestionResults>();
        foreach (var q in survey.Questions.OrderBy(q => q.Position))
        {
            var answers = responses.Select(r => (r.MemberCode, Answer: r.Answers.FirstOrDefault(a => a.QuestionId == q.Id)))
                .Where(x => x.Answer is not null).ToList();
            var options = q.Options.OrderBy(o => o.Position).ToList();
            var index = options.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var counts = new int[options.Count];
            var scale = new int[q.Kind == QuestionKind.Likert ? q.ScalePoints ?? 5 : 0];
            var texts = new List<FreeTextAnswer>();
            var ballots = new List<Ballot>();
            double scaleSum = 0;
            foreach (var (member, answer) in answers)
            {
                var ids = answer!.ChoiceIds();
                switch (q.Kind)
                {
                    case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                        foreach (var id in ids) if (index.TryGetValue(id, out var i)) counts[i]++;
                        break;
                    case QuestionKind.Ranking:
                        if (ids.Count > 0 && ids.All(index.ContainsKey)) ballots.Add(new Ballot(ids.Select(id => index[id]).ToList()));
                        if (ids.Count > 0 && index.TryGetValue(ids[0], out var first)) counts[first]++;
                        break;
                    case QuestionKind.Likert when answer.Scale is int s && s >= 1 && s <= scale.Length:
                        scale[s - 1]++;
                        scaleSum += s;
                        break;
                    case QuestionKind.FreeText when !string.IsNullOrWhiteSpace(answer.Text):
                        texts.Add(new FreeTextAnswer(survey.Anonymous ? null : member, answer.Text!));
                        break;
                }
            }
            var optionCounts = options.Select((o, i) => new OptionCount(o.Id, o.Code, o.Label.Get(language), counts[i])).ToList();
            RankingResults? ranking = null;
            if (q.Kind == QuestionKind.Ranking)
            {
                ranking = new RankingResults(optionCounts,
                    RankAggregation.MeanRanks(ballots, options.Count),
                    RankAggregation.Borda(ballots, options.Count),
                    RankAggregation.Schulze(ballots, options.Count));
            }
            // Anonymous answers are listed in an order that says nothing about who wrote them.
            if (survey.Anonymous) texts = texts.OrderBy(t => t.Text, StringComparer.Ordinal).ToList();
            var scaleCount = scale.Sum();
            questions.Add(new QuestionResults(q.Id, q.Position, q.Kind, q.Text.Get(language), answers.Count, optionCounts, scale,
                scaleCount == 0 ? null : scaleSum / scaleCount, texts, ranking));
        }
        return new SurveyResultsView(survey.Id, responses.Count, survey.Anonymous, questions);
    }
}

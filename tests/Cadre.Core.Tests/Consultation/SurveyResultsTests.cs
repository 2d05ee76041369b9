using Cadre.Core.Common;
using Cadre.Core.Consultation;
using Cadre.Core.Consultation.Handlers;

namespace Cadre.Core.Tests.Consultation;

public sealed class SurveyResultsTests
{
    private static Survey Survey(bool anonymous = false) => new()
    {
        Id = 1,
        Anonymous = anonymous,
        Questions =
        [
            new SurveyQuestion
            {
                Id = 10, Position = 1, Kind = QuestionKind.Ranking, Text = new LocalizedText("Rank"),
                Options = new[] { "D.1", "D.2", "D.3", "D.4" }.Select((c, i) => new SurveyOption { Id = 100 + i, Position = i + 1, Code = c, Label = new LocalizedText(c) }).ToList(),
            },
            new SurveyQuestion
            {
                Id = 11, Position = 2, Kind = QuestionKind.MultipleChoice, Text = new LocalizedText("Pick"),
                Options = [new SurveyOption { Id = 200, Position = 1, Code = "a" }, new SurveyOption { Id = 201, Position = 2, Code = "b" }],
            },
            new SurveyQuestion { Id = 12, Position = 3, Kind = QuestionKind.Likert, ScalePoints = 5, Text = new LocalizedText("Scale"), Required = false },
            new SurveyQuestion { Id = 13, Position = 4, Kind = QuestionKind.FreeText, Text = new LocalizedText("Text"), Required = false },
        ],
    };

    private static List<AnswerInput> Answers(params int[] ranking) => [new AnswerInput(10, ranking.Select(r => 99 + r).ToList()), new AnswerInput(11, [200])];

    [Fact]
    public void A_full_ranking_of_every_item_is_accepted_in_rank_order()
    {
        var answers = SubmitResponse.Validate(Survey(), Answers(4, 3, 2, 1));
        Assert.Equal("103,102,101,100", answers.Single(a => a.QuestionId == 10).Choices);
    }

    [Theory]
    [InlineData(new[] { 4, 3, 3, 1 }, "repeated: D.3")]
    [InlineData(new[] { 4, 3, 2 }, "missing: D.1")]
    [InlineData(new[] { 4, 3, 2, 1, 1 }, "repeated: D.1")]
    public void A_ranking_that_repeats_or_omits_items_names_them(int[] ranking, string expected)
    {
        var ex = Assert.Throws<ValidationFailedException>(() => SubmitResponse.Validate(Survey(), Answers(ranking)));
        Assert.Contains(expected, Assert.Single(ex.Errors["q10"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Required_questions_must_be_answered_and_unknown_questions_are_refused()
    {
        var ex = Assert.Throws<ValidationFailedException>(() => SubmitResponse.Validate(Survey(), [new AnswerInput(99, [1])]));
        Assert.Contains("answers[0]", ex.Errors.Keys);
        Assert.Contains("q10", ex.Errors.Keys);
        Assert.Contains("q11", ex.Errors.Keys);
        Assert.DoesNotContain("q12", ex.Errors.Keys);
    }

    [Fact]
    public void Results_count_choices_and_scale_points_and_rank_by_every_method()
    {
        var survey = Survey();
        var responses = new[] { (4, 3, 2, 1, "A"), (4, 2, 3, 1, "B"), (3, 4, 2, 1, "C") }.Select(b => new ResponseAnswers(b.Item5,
        [
            new SurveyAnswer { QuestionId = 10, Choices = string.Join(',', new[] { b.Item1, b.Item2, b.Item3, b.Item4 }.Select(r => 99 + r)) },
            new SurveyAnswer { QuestionId = 11, Choices = b.Item5 == "C" ? "201" : "200,201" },
            new SurveyAnswer { QuestionId = 12, Scale = b.Item5 == "A" ? 5 : 3 },
            new SurveyAnswer { QuestionId = 13, Text = "from " + b.Item5 },
        ])).ToList();

        var r = SurveyResultsCalculator.Compute(survey, responses, "en");

        Assert.Equal(3, r.Responses);
        var ranking = r.Questions[0].Ranking!;
        Assert.Equal([3, 2, 1, 0], ranking.Schulze.Order);
        Assert.Equal(3, ranking.Schulze.CondorcetWinner);
        Assert.Equal([2, 3], r.Questions[1].Options.Select(o => o.Count));
        Assert.Equal([0, 0, 2, 0, 1], r.Questions[2].Scale);
        Assert.Equal(11d / 3, r.Questions[2].ScaleMean!.Value, 6);
        Assert.Equal(["A", "B", "C"], r.Questions[3].Texts.Select(t => t.MemberCode));
    }

    [Fact]
    public void Anonymous_results_never_name_a_Member()
    {
        var responses = new[] { "ZZZ", "AAA" }.Select(m => new ResponseAnswers(null, [new SurveyAnswer { QuestionId = 13, Text = "said by " + m }])).ToList();
        var r = SurveyResultsCalculator.Compute(Survey(anonymous: true), responses, "en");
        Assert.All(r.Questions[3].Texts, t => Assert.Null(t.MemberCode));
        Assert.Equal(["said by AAA", "said by ZZZ"], r.Questions[3].Texts.Select(t => t.Text));
    }
}

using System.Net;
using System.Net.Http.Json;
using Cadre.Core.Consultation;
using Cadre.Core.Identity;
using Cadre.Web.Api.Consultation;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Consultation;

/// <summary>Surveys through HTTP, on SQLite and (with CADRE_TEST_PROVIDER=Postgres) PostgreSQL.</summary>
public sealed class SurveysApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private Task<(HttpClient Chair, SurveyResponseBody Survey)> OpenSurveyAsync(bool anonymous = false, bool open = true) =>
        SurveyTestData.CreateAsync(App, anonymous, open, Ct);

    private static SubmitResponseRequest Answer(SurveyResponseBody s, string[] ranking, int choice = 0, int? scale = null, string? text = null)
    {
        var q = s.Questions;
        var ids = ranking.Select(code => q[0].Options.Single(o => o.Code == code).Id).ToList();
        return new SubmitResponseRequest(
        [
            new AnswerRequest(q[0].Id, ids, null, null),
            new AnswerRequest(q[1].Id, [q[1].Options[choice].Id], null, null),
            new AnswerRequest(q[2].Id, null, scale, null),
            new AnswerRequest(q[3].Id, null, null, text),
        ]);
    }

    private async Task<int> ResponsesAsync(int surveyId)
    {
        await using var db = App.NewDbContext();
        return await db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId, Ct);
    }

    [Fact]
    public async Task A_Delegate_answers_and_revises_and_the_Member_keeps_one_response()
    {
        var (_, survey) = await OpenSurveyAsync();
        var first = await App.ClientAsAsync(Roles.Delegate, "MEX");
        var second = await App.ClientAsAsync(Roles.Delegate, "MEX");
        await Rest.ReadAsync<OwnResponseBody>(await first.PutAsJsonAsync($"/api/v1/surveys/{survey.Id}/response", Answer(survey, ["D.4", "D.3", "D.2", "D.1"], scale: 4), Rest.Json, Ct));
        var revised = await Rest.ReadAsync<OwnResponseBody>(await second.PutAsJsonAsync($"/api/v1/surveys/{survey.Id}/response", Answer(survey, ["D.3", "D.4", "D.2", "D.1"]), Rest.Json, Ct));

        Assert.Equal("MEX", revised.Member);
        var own = await Rest.ReadAsync<OwnResponseBody>(await first.GetAsync($"/api/v1/surveys/{survey.Id}/response", Ct));
        var rankingIds = own.Answers.Single(a => a.QuestionId == survey.Questions[0].Id).Choices;
        Assert.Equal(["D.3", "D.4", "D.2", "D.1"], rankingIds.Select(id => survey.Questions[0].Options.Single(o => o.Id == id).Code));
        Assert.Null(own.Answers.SingleOrDefault(a => a.QuestionId == survey.Questions[2].Id));
        Assert.Equal(1, await ResponsesAsync(survey.Id));
    }

    [Fact]
    public async Task Fifty_parallel_submissions_of_one_Member_leave_exactly_one_response()
    {
        var (_, survey) = await OpenSurveyAsync();
        var delegates = new List<HttpClient>();
        for (var i = 0; i < 5; i++) delegates.Add(await App.ClientAsAsync(Roles.Delegate, "USA"));
        string[][] orders = [["D.4", "D.3", "D.2", "D.1"], ["D.1", "D.2", "D.3", "D.4"], ["D.2", "D.4", "D.1", "D.3"]];

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            delegates[i % delegates.Count].PutAsJsonAsync($"/api/v1/surveys/{survey.Id}/response", Answer(survey, orders[i % orders.Length], i % 2, 1 + (i % 5), "n" + i), Rest.Json, Ct)));

        foreach (var r in responses) await Rest.ExpectStatusAsync(r, HttpStatusCode.OK);
        await using var db = App.NewDbContext();
        var stored = await db.SurveyResponses.Include(r => r.Answers).Where(r => r.SurveyId == survey.Id).ToListAsync(Ct);
        var response = Assert.Single(stored);
        // One complete set of answers, from one of the submissions (not a mix of two).
        Assert.Equal(4, response.Answers.Count);
        var n = int.Parse(response.Answers.Single(a => a.QuestionId == survey.Questions[3].Id).Text![1..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1 + (n % 5), response.Answers.Single(a => a.QuestionId == survey.Questions[2].Id).Scale);
    }

    [Theory]
    [InlineData("D.4,D.3,D.3,D.1", "D.3")]
    [InlineData("D.4,D.3,D.2", "D.1")]
    [InlineData("D.4,D.4,D.4,D.4", "D.4")]
    public async Task A_ranking_that_repeats_or_omits_items_is_rejected_and_nothing_is_stored(string ranking, string named)
    {
        var (_, survey) = await OpenSurveyAsync();
        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "CAN");
        var response = await delegateClient.PutAsJsonAsync($"/api/v1/surveys/{survey.Id}/response", Answer(survey, ranking.Split(',')), Rest.Json, Ct);
        var problem = await Rest.ProblemAsync(response, HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.Errors[$"q{survey.Questions[0].Id}"]);
        Assert.Contains(named, message, StringComparison.Ordinal);
        Assert.Equal(0, await ResponsesAsync(survey.Id));
    }

    [Fact]
    public async Task A_free_text_answer_that_is_too_long_is_refused_with_its_question_number()
    {
        var (_, survey) = await OpenSurveyAsync();
        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "BRA");
        var response = await delegateClient.PutAsJsonAsync($"/api/v1/surveys/{survey.Id}/response",
            Answer(survey, ["D.1", "D.2", "D.3", "D.4"], text: new string('x', 4001)), Rest.Json, Ct);
        var problem = await Rest.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Question 4: use at most 4000 characters.", Assert.Single(problem.Errors[$"q{survey.Questions[3].Id}"]));
        Assert.Equal(0, await ResponsesAsync(survey.Id));
    }

    [Fact]
    public async Task A_closed_survey_refuses_answers_and_keeps_the_ones_it_had()
    {
        var (chair, survey) = await OpenSurveyAsync();
        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "FRA");
        await Rest.ExpectStatusAsync(await delegateClient.PutAsJsonAsync($"/api/v1/surveys/{survey.Id}/response", Answer(survey, ["D.1", "D.2", "D.3", "D.4"]), Rest.Json, Ct), HttpStatusCode.OK);
        await Rest.ExpectStatusAsync(await chair.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/close", new SurveyVersionRequest(survey.Version), Rest.Json, Ct), HttpStatusCode.OK);

        var late = await delegateClient.PutAsJsonAsync($"/api/v1/surveys/{survey.Id}/response", Answer(survey, ["D.4", "D.3", "D.2", "D.1"]), Rest.Json, Ct);
        await Rest.ProblemAsync(late, HttpStatusCode.BadRequest);
        var own = await Rest.ReadAsync<OwnResponseBody>(await delegateClient.GetAsync($"/api/v1/surveys/{survey.Id}/response", Ct));
        Assert.Equal(survey.Questions[0].Options.Single(o => o.Code == "D.1").Id, own.Answers.Single(a => a.QuestionId == survey.Questions[0].Id).Choices[0]);
    }

    [Fact]
    public async Task A_Delegate_never_sees_another_Members_answers_nor_unpublished_results()
    {
        var (chair, survey) = await OpenSurveyAsync();
        var kenya = await App.ClientAsAsync(Roles.Delegate, "KEN");
        var rwanda = await App.ClientAsAsync(Roles.Delegate, "RWA");
        await Rest.ExpectStatusAsync(await kenya.PutAsJsonAsync($"/api/v1/surveys/{survey.Id}/response", Answer(survey, ["D.4", "D.3", "D.2", "D.1"], text: "Kenya's view"), Rest.Json, Ct), HttpStatusCode.OK);

        await Rest.ProblemAsync(await rwanda.GetAsync($"/api/v1/surveys/{survey.Id}/response", Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await rwanda.GetAsync($"/api/v1/surveys/{survey.Id}/results", Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await rwanda.GetAsync($"/api/v1/surveys/{survey.Id}/export", Ct), HttpStatusCode.Forbidden);
        await Rest.ProblemAsync(await App.AnonymousClient().GetAsync($"/api/v1/surveys/{survey.Id}/results", Ct), HttpStatusCode.NotFound);
        // Another Member's Delegate answering does not touch Kenya's response.
        await Rest.ExpectStatusAsync(await rwanda.PutAsJsonAsync($"/api/v1/surveys/{survey.Id}/response", Answer(survey, ["D.1", "D.2", "D.3", "D.4"]), Rest.Json, Ct), HttpStatusCode.OK);
        var kenyaOwn = await Rest.ReadAsync<OwnResponseBody>(await kenya.GetAsync($"/api/v1/surveys/{survey.Id}/response", Ct));
        Assert.Equal("Kenya's view", kenyaOwn.Answers.Single(a => a.QuestionId == survey.Questions[3].Id).Text);

        // Once published, everyone sees the results, still without the other Member's own response.
        await Rest.ExpectStatusAsync(await chair.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/publish", new SurveyVersionRequest(survey.Version), Rest.Json, Ct), HttpStatusCode.OK);
        var results = await Rest.ReadAsync<SurveyResultsResponse>(await rwanda.GetAsync($"/api/v1/surveys/{survey.Id}/results", Ct));
        Assert.Equal(2, results.Responses);
        await Rest.ProblemAsync(await rwanda.GetAsync($"/api/v1/surveys/{survey.Id}/export", Ct), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_Delegates_answer_and_only_chairs_and_the_secretariat_run_surveys()
    {
        var (_, survey) = await OpenSurveyAsync();
        var planner = await App.ClientAsAsync(Roles.Planner);
        await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/surveys/{survey.Id}/response", Answer(survey, ["D.4", "D.3", "D.2", "D.1"]), Rest.Json, Ct), HttpStatusCode.Forbidden);
        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "JPN");
        await Rest.ProblemAsync(await delegateClient.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/publish", new SurveyVersionRequest(survey.Version), Rest.Json, Ct), HttpStatusCode.Forbidden);
        var (_, draft) = await OpenSurveyAsync(open: false);
        await Rest.ProblemAsync(await delegateClient.GetAsync($"/api/v1/surveys/{draft.Id}", Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await delegateClient.PutAsJsonAsync($"/api/v1/surveys/{draft.Id}/response", Answer(draft, ["D.4", "D.3", "D.2", "D.1"]), Rest.Json, Ct), HttpStatusCode.NotFound);
        var list = await Rest.ReadAsync<SurveyPageResponse>(await delegateClient.GetAsync("/api/v1/surveys?pageSize=200", Ct));
        Assert.DoesNotContain(list.Items, s => s.Id == draft.Id);
        Assert.Contains(list.Items, s => s.Id == survey.Id);
    }

    [Fact]
    public async Task Ranking_results_give_mean_rank_Borda_Schulze_and_the_pairwise_matrix()
    {
        var (chair, survey) = await OpenSurveyAsync();
        string[][] ballots = [["D.4", "D.3", "D.2", "D.1"], ["D.4", "D.2", "D.3", "D.1"], ["D.3", "D.4", "D.2", "D.1"]];
        string[] members = ["IND", "EGY", "ARE"];
        for (var i = 0; i < ballots.Length; i++)
        {
            var d = await App.ClientAsAsync(Roles.Delegate, members[i]);
            await Rest.ExpectStatusAsync(await d.PutAsJsonAsync($"/api/v1/surveys/{survey.Id}/response", Answer(survey, ballots[i], i % 2, 3), Rest.Json, Ct), HttpStatusCode.OK);
        }
        var results = await Rest.ReadAsync<SurveyResultsResponse>(await chair.GetAsync($"/api/v1/surveys/{survey.Id}/results", Ct));
        var ranking = results.Questions[0].Ranking!;
        Assert.Equal(["D.4", "D.3", "D.2", "D.1"], ranking.SchulzeOrder);
        Assert.Equal("D.4", ranking.CondorcetWinner);
        Assert.Equal(["D.4", "D.3", "D.2", "D.1"], ranking.Borda.Select(b => b.Item));
        Assert.Equal(4d / 3, ranking.MeanRanks[0].Mean, 3);
        Assert.Equal([2, 1, 0, 0], ranking.MeanRanks[0].Distribution);
        var i4 = ranking.Items.IndexOf("D.4");
        var i3 = ranking.Items.IndexOf("D.3");
        Assert.Equal(2, ranking.Pairwise[i4][i3]);
        Assert.Equal(1, ranking.Pairwise[i3][i4]);
        Assert.Equal([2, 1], results.Questions[1].Options.Select(o => o.Count));
        Assert.Equal([0, 0, 3, 0, 0], results.Questions[2].Scale);
    }

    [Fact]
    public async Task Anonymous_exports_show_no_Member_and_no_live_formula()
    {
        var (chair, survey) = await OpenSurveyAsync(anonymous: true);
        var d = await App.ClientAsAsync(Roles.Delegate, "CHE");
        await Rest.ExpectStatusAsync(await d.PutAsJsonAsync($"/api/v1/surveys/{survey.Id}/response", Answer(survey, ["D.4", "D.3", "D.2", "D.1"], text: "=HYPERLINK(\"http://x\")"), Rest.Json, Ct), HttpStatusCode.OK);

        var csv = await chair.GetAsync($"/api/v1/surveys/{survey.Id}/export?format=csv", Ct);
        await Rest.ExpectStatusAsync(csv, HttpStatusCode.OK);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("CHE", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", text, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("D.4 > D.3 > D.2 > D.1", text, StringComparison.Ordinal);

        var xlsx = await chair.GetAsync($"/api/v1/surveys/{survey.Id}/export?format=xlsx", Ct);
        await Rest.ExpectStatusAsync(xlsx, HttpStatusCode.OK);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct));
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        var cells = rows.SelectMany(r => r.Values).OfType<string>().ToList();
        Assert.DoesNotContain(cells, c => c.StartsWith('=') || c == "CHE");
        Assert.Contains("'=HYPERLINK(\"http://x\")", cells);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(stream.ToArray()));
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            Assert.DoesNotMatch("<(x:)?f[ >]", await reader.ReadToEndAsync(Ct));
        }

        var results = await Rest.ReadAsync<SurveyResultsResponse>(await chair.GetAsync($"/api/v1/surveys/{survey.Id}/results", Ct));
        Assert.All(results.Questions[3].Texts, t => Assert.Null(t.Member));
    }

    [Fact]
    public async Task A_survey_without_questions_or_with_bad_dates_is_rejected_with_field_errors()
    {
        var chair = await App.ClientAsAsync(Roles.Chair);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var bad = new SaveSurveyRequest("BAD-1", new() { ["en"] = "Bad" }, null, null, now, now.AddDays(-1), false, [], null);
        var problem = await Rest.ProblemAsync(await chair.PostAsJsonAsync("/api/v1/surveys", bad, Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("closesAt", problem.Errors.Keys);
        Assert.Contains("questions", problem.Errors.Keys);
        await using var db = App.NewDbContext();
        Assert.False(await db.Surveys.AnyAsync(s => s.Code == "BAD-1", Ct));
    }
}

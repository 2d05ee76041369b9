using System.Net;
using System.Net.Http.Json;
using Cadre.Core.Consultation;
using Cadre.Core.Identity;
using Cadre.Web.Api.Consultation;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Governance;

/// <summary>
/// A survey put to a body with a list of Members (issue 5: "a chair opens a survey to a body's members"): Delegates of
/// a listed Member answer it; a Delegate of another Member is refused and nothing is stored.
/// </summary>
public sealed class BodySurveyTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    [Fact]
    public async Task Only_Delegates_of_the_body_s_listed_Members_answer_its_survey()
    {
        var ids = await BodiesTestData.CreateAsync(App, memberCode: "KEN");
        var planner = await App.ClientAsAsync(Roles.Planner);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var request = new SaveSurveyRequest("BS-" + Guid.NewGuid().ToString("N")[..8], new() { ["en"] = "Meet online?", ["fr"] = "Se réunir en ligne ?" }, null, ids.GroupId,
            now.AddDays(-1), now.AddDays(30), false,
            [new QuestionRequest(QuestionKind.SingleChoice, new() { ["en"] = "Meet online?", ["fr"] = "Se réunir en ligne ?" },
                [new OptionRequest("yes", new() { ["en"] = "Yes", ["fr"] = "Oui" }), new OptionRequest("no", new() { ["en"] = "No", ["fr"] = "Non" })], true, null, null)],
            null);
        var survey = await Rest.ReadAsync<SurveyResponseBody>(await planner.PostAsJsonAsync("/api/v1/surveys", request, Rest.Json, Ct), HttpStatusCode.Created);
        survey = await Rest.ReadAsync<SurveyResponseBody>(await planner.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/open", new SurveyVersionRequest(survey.Version), Rest.Json, Ct));
        var answer = new SubmitResponseRequest([new AnswerRequest(survey.Questions[0].Id, [survey.Questions[0].Options[0].Id], null, null)]);

        var outsider = await App.ClientAsAsync(Roles.Delegate, "RWA");
        await Rest.ExpectStatusAsync(await outsider.PutAsJsonAsync($"/api/v1/surveys/{survey.Id}/response", answer, Rest.Json, Ct), HttpStatusCode.Forbidden);
        await using (var db = App.NewDbContext())
        {
            Assert.Equal(0, await db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id, Ct));
        }

        var listed = await App.ClientAsAsync(Roles.Delegate, "KEN");
        var own = await Rest.ReadAsync<OwnResponseBody>(await listed.PutAsJsonAsync($"/api/v1/surveys/{survey.Id}/response", answer, Rest.Json, Ct));
        Assert.Equal("KEN", own.Member);
        await using (var db = App.NewDbContext())
        {
            Assert.Equal(1, await db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id, Ct));
        }
    }
}

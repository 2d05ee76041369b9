using System.Net;
using System.Net.Http.Json;
using Cadre.Core.Consultation;
using Cadre.Core.Identity;
using Cadre.Web.Api.Consultation;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Consultation;

/// <summary>Surveys for tests, made through the API as a chair would.</summary>
public static class SurveyTestData
{
    public static readonly string[] Objectives = ["D.1", "D.2", "D.3", "D.4"];

    /// <summary>A survey with a ranking of the four ITU-D objectives, a single choice, a Likert scale and free text; opened unless told otherwise.</summary>
    public static async Task<(HttpClient Chair, SurveyResponseBody Survey)> CreateAsync(CadreWebFactory app, bool anonymous = false, bool open = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var chair = await app.ClientAsAsync(Roles.Chair);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var code = "S-" + Guid.NewGuid().ToString("N")[..8];
        var request = new SaveSurveyRequest(code, new() { ["en"] = "Priorities of the ITU-D objectives", ["fr"] = "Priorités des objectifs de l'UIT-D" }, null, null,
            now.AddDays(-1), now.AddDays(30), anonymous,
        [
            new QuestionRequest(QuestionKind.Ranking, new() { ["en"] = "Rank the objectives", ["fr"] = "Classez les objectifs" },
                Objectives.Select(o => new OptionRequest(o, new() { ["en"] = "Objective " + o, ["fr"] = "Objectif " + o })).ToList(), true, null, null),
            new QuestionRequest(QuestionKind.SingleChoice, new() { ["en"] = "Meet online?", ["fr"] = "Se réunir en ligne ?" },
                [new OptionRequest("yes", new() { ["en"] = "Yes", ["fr"] = "Oui" }), new OptionRequest("no", new() { ["en"] = "No", ["fr"] = "Non" })], true, null, null),
            new QuestionRequest(QuestionKind.Likert, new() { ["en"] = "Satisfied?", ["fr"] = "Satisfait ?" }, null, false, null, 5),
            new QuestionRequest(QuestionKind.FreeText, new() { ["en"] = "Comments", ["fr"] = "Commentaires" }, null, false, null, null),
        ], null);
        var survey = await Rest.ReadAsync<SurveyResponseBody>(await chair.PostAsJsonAsync("/api/v1/surveys", request, Rest.Json, ct), HttpStatusCode.Created);
        if (open)
        {
            survey = await Rest.ReadAsync<SurveyResponseBody>(await chair.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/open", new SurveyVersionRequest(survey.Version), Rest.Json, ct));
        }
        return (chair, survey);
    }
}

using Cadre.Core.Consultation;
using Cadre.Core.Consultation.Handlers;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Consultation.Surveys;

public sealed class DetailsModel(ConsultationQueries queries) : ConsultationPageModel
{
    public Survey Survey { get; private set; } = null!;
    public int Responses { get; private set; }
    public OwnResponse? Own { get; private set; }
    public bool Accepts { get; private set; }
    public bool CanSeeResults { get; private set; }

    /// <summary>The status changes the chair may make now (each goes through a confirmation page).</summary>
    public IReadOnlyList<string> Actions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var survey = await queries.GetSurveyAsync(id, ct);
        if (survey is null) return NotFound();
        Survey = survey;
        Responses = await queries.CountResponsesAsync(id, ct);
        Own = await queries.GetOwnResponseAsync(id, ct);
        Accepts = survey.AcceptsAnswers(queries.UtcNow);
        CanSeeResults = ConsultationPermissions.CanSeeResults(Actor, survey);
        var actions = new List<string>();
        if (survey.Status == SurveyStatus.Draft) actions.AddRange([nameof(SurveyAction.Open), "Delete"]);
        if (survey.Status == SurveyStatus.Open) actions.Add(nameof(SurveyAction.Close));
        if (survey.Status != SurveyStatus.Draft) actions.Add(survey.ResultsPublished ? nameof(SurveyAction.Unpublish) : nameof(SurveyAction.Publish));
        Actions = actions;
        return Page();
    }
}

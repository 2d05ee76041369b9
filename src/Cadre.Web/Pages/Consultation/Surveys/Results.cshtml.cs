using Cadre.Core.Consultation;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Consultation.Surveys;

/// <summary>The results per question, with a chart and its table; only for the chair and the secretariat until published.</summary>
public sealed class ResultsModel(ConsultationQueries queries) : ConsultationPageModel
{
    public Survey Survey { get; private set; } = null!;
    public SurveyResultsView Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var survey = await queries.GetSurveyAsync(id, ct);
        var results = survey is null ? null : await queries.GetResultsAsync(id, Localization.CurrentLanguage, ct);
        if (survey is null || results is null) return NotFound();
        Survey = survey;
        Results = results;
        return Page();
    }
}

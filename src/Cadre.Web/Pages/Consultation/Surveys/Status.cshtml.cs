using Cadre.Core.Common;
using Cadre.Core.Consultation;
using Cadre.Core.Consultation.Handlers;
using Cadre.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Consultation.Surveys;

/// <summary>The confirmation step before opening, closing, publishing, withdrawing results or deleting a draft.</summary>
[Authorize(Roles = Roles.Chair + "," + Roles.Planner)]
public sealed class StatusModel(ConsultationQueries queries, ChangeSurveyStatus change, DeleteSurvey delete) : ConsultationPageModel
{
    private static readonly string[] Known = ["Open", "Close", "Publish", "Unpublish", "Delete"];

    public Survey Survey { get; private set; } = null!;
    public string Action { get; private set; } = "Open";

    private static string? Parse(string? action) => Known.FirstOrDefault(k => string.Equals(k, action?.Trim(), StringComparison.OrdinalIgnoreCase));

    public async Task<IActionResult> OnGetAsync(int id, string? action, CancellationToken ct)
    {
        var survey = await queries.GetSurveyAsync(id, ct);
        if (survey is null) return NotFound();
        Survey = survey;
        Action = Parse(action) ?? (survey.Status == SurveyStatus.Draft ? "Open" : survey.Status == SurveyStatus.Open ? "Close" : "Publish");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? action, int? version, CancellationToken ct)
    {
        if (!CanManage) return Refuse();
        var survey = await queries.GetSurveyAsync(id, ct);
        if (survey is null) return NotFound();
        Survey = survey;
        var parsed = Parse(action);
        if (parsed is null) return BadRequest();
        Action = parsed;
        try
        {
            if (parsed == "Delete")
            {
                await delete.HandleAsync(new DeleteSurvey.Request(id, version), ct);
                Flash(Text("Done.Delete", survey.Code));
                return Redirect("/Consultation/Surveys");
            }
            await change.HandleAsync(new ChangeSurveyStatus.Request(id, version, Enum.Parse<SurveyAction>(parsed)), ct);
            Flash(Text("Done." + parsed, survey.Code));
            return Redirect($"/Consultation/Surveys/{id}");
        }
        catch (CadreException ex)
        {
            if (ex is ConcurrencyConflictException) ModelState.AddModelError(string.Empty, Text("Conflict"));
            else if (Fail(ex) is { } result) return result;
            return Page();
        }
    }
}

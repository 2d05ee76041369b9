using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Consultation;
using Cadre.Core.Consultation.Handlers;
using Cadre.Core.Identity;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Consultation.Surveys;

/// <summary>Creates a draft survey, or edits a draft (opened surveys keep their questions).</summary>
[Authorize(Roles = Roles.Chair + "," + Roles.Planner)]
public sealed class EditModel(ConsultationQueries queries, SaveSurvey save) : ConsultationPageModel
{
    public sealed class SurveyInput
    {
        public int? Version { get; set; }
        public string? Code { get; set; }
        public string? TitleEn { get; set; }
        public string? TitleFr { get; set; }
        public string? DescriptionEn { get; set; }
        public string? DescriptionFr { get; set; }
        public DateTime? OpensAt { get; set; }
        public DateTime? ClosesAt { get; set; }
        public bool Anonymous { get; set; }
        public string? Questions { get; set; }
    }

    [BindProperty]
    public SurveyInput Input { get; set; } = new();

    public int? SurveyId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is int surveyId)
        {
            var survey = await queries.GetSurveyAsync(surveyId, ct);
            if (survey is null) return NotFound();
            if (survey.Status != SurveyStatus.Draft) return Redirect($"/Consultation/Surveys/{surveyId}");
            SurveyId = surveyId;
            Input = new SurveyInput
            {
                Version = survey.Version, Code = survey.Code, TitleEn = survey.Title.En, TitleFr = survey.Title.Fr,
                DescriptionEn = survey.Description.En, DescriptionFr = survey.Description.Fr,
                OpensAt = survey.OpensAtUtc, ClosesAt = survey.ClosesAtUtc, Anonymous = survey.Anonymous,
                Questions = QuestionText.Write(survey, Localization.CurrentLanguage),
            };
        }
        else
        {
            var today = queries.UtcNow.Date;
            Input = new SurveyInput { OpensAt = today.AddDays(1), ClosesAt = today.AddDays(31) };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!CanManage) return Refuse();
        SurveyId = id;
        var (questions, error) = QuestionText.Parse(Input.Questions, Localization.CurrentLanguage);
        if (error is not null)
        {
            ModelState.AddModelError("Input.Questions", Text(error.Key, error.Line.ToString(CultureInfo.CurrentCulture), error.Argument ?? ""));
        }
        if (Input.OpensAt is null) ModelState.AddModelError("Input.OpensAt", Text("Edit.Error.Date"));
        if (Input.ClosesAt is null) ModelState.AddModelError("Input.ClosesAt", Text("Edit.Error.Date"));
        if (!ModelState.IsValid) return Page();
        try
        {
            var survey = await save.HandleAsync(new SaveSurvey.Request(id, Input.Version, Input.Code ?? "",
                new Dictionary<string, string?> { ["en"] = Input.TitleEn, ["fr"] = Input.TitleFr },
                new Dictionary<string, string?> { ["en"] = Input.DescriptionEn, ["fr"] = Input.DescriptionFr },
                null, DateTime.SpecifyKind(Input.OpensAt!.Value, DateTimeKind.Utc), DateTime.SpecifyKind(Input.ClosesAt!.Value, DateTimeKind.Utc),
                Input.Anonymous, questions), ct);
            Flash(Text("Edit.Saved", survey.Code));
            return Redirect($"/Consultation/Surveys/{survey.Id}");
        }
        catch (CadreException ex)
        {
            if (ex is ConcurrencyConflictException) ModelState.AddModelError(string.Empty, Text("Conflict"));
            else if (ex is ValidationFailedException v)
            {
                foreach (var (field, messages) in v.Errors)
                {
                    var key = field switch
                    {
                        "code" => "Input.Code",
                        "title" or "title.en" => "Input.TitleEn",
                        "title.fr" => "Input.TitleFr",
                        "closesAt" => "Input.ClosesAt",
                        _ when field.StartsWith("description", StringComparison.Ordinal) => "Input.DescriptionEn",
                        _ when field.StartsWith("questions", StringComparison.Ordinal) => "Input.Questions",
                        _ => string.Empty,
                    };
                    foreach (var m in messages) ModelState.AddModelError(key, field.StartsWith("questions[", StringComparison.Ordinal) ? QuestionLabel(field) + m : m);
                }
            }
            else if (Fail(ex) is { } result) return result;
            return Page();
        }
    }

    /// <summary>"questions[2].options[0].code" → "Question 3: ".</summary>
    private string QuestionLabel(string field)
    {
        var end = field.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(field.AsSpan(10, end - 10), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? Text("Edit.QuestionN", i + 1) : "";
    }
}

using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Consultation;
using Cadre.Core.Consultation.Handlers;
using Cadre.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Consultation.Surveys;

/// <summary>
/// A Delegate's answer form, for their Member; it works without JavaScript (rankings are numbered
/// selects). Posting again replaces the Member's response until the survey closes.
/// </summary>
[Authorize(Roles = Roles.Delegate)]
public sealed class AnswerModel(ConsultationQueries queries, SubmitResponse submit) : ConsultationPageModel
{
    public Survey Survey { get; private set; } = null!;
    public string MemberCode { get; private set; } = "";
    public bool Accepts { get; private set; }

    /// <summary>What the form shows: the posted values after an error, else the stored response.</summary>
    private Dictionary<int, AnswerInput> _answers = [];

    /// <summary>The ranks as posted (option id → rank), so that a refused form shows what was chosen, ties included.</summary>
    private readonly Dictionary<int, int> _postedRanks = [];

    public int? RankOf(SurveyQuestion q, int optionId)
    {
        ArgumentNullException.ThrowIfNull(q);
        if (_postedRanks.Count > 0) return _postedRanks.TryGetValue(optionId, out var posted) ? posted : null;
        if (!_answers.TryGetValue(q.Id, out var a) || a.Choices is null) return null;
        var i = a.Choices.ToList().IndexOf(optionId);
        return i < 0 ? null : i + 1;
    }

    public bool Chosen(SurveyQuestion q, int optionId) => q is not null && _answers.TryGetValue(q.Id, out var a) && a.Choices?.Contains(optionId) == true;

    public int? ScaleOf(SurveyQuestion q) => q is not null && _answers.TryGetValue(q.Id, out var a) ? a.Scale : null;

    public string? TextOf(SurveyQuestion q) => q is not null && _answers.TryGetValue(q.Id, out var a) ? a.Text : null;

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (!CanAnswer) return Refuse();
        var survey = await queries.GetSurveyAsync(id, ct);
        if (survey is null) return NotFound();
        Survey = survey;
        MemberCode = await queries.ActorMemberCodeAsync(ct) ?? "";
        if (MemberCode.Length == 0) return Forbid();
        Accepts = survey.AcceptsAnswers(queries.UtcNow);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (await queries.GetOwnResponseAsync(id, ct) is { } own)
        {
            _answers = own.Answers.ToDictionary(a => a.QuestionId, a => new AnswerInput(a.QuestionId, a.ChoiceIds(), a.Scale, a.Text));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        _answers = ReadForm();
        if (ModelState.IsValid)
        {
            try
            {
                await submit.HandleAsync(new SubmitResponse.Request(id, _answers.Values.ToList()), ct);
                Flash(Text("Answer.Saved", MemberCode));
                return Redirect($"/Consultation/Surveys/{id}");
            }
            catch (CadreException ex)
            {
                if (Fail(ex) is { } result) return result;
            }
        }
        return Page();
    }

    /// <summary>
    /// Turns the numbered selects into a ranking (rank 1 first). Two items given the same rank are
    /// reported here; gaps and omissions are left to the handler, which names the missing items.
    /// </summary>
    private Dictionary<int, AnswerInput> ReadForm()
    {
        var answers = new Dictionary<int, AnswerInput>();
        var form = Request.Form;
        foreach (var q in Survey.Questions)
        {
            switch (q.Kind)
            {
                case QuestionKind.Ranking:
                {
                    var ranked = new List<(int Rank, int Option)>();
                    foreach (var o in q.Options)
                    {
                        if (int.TryParse(form[$"r{q.Id}_{o.Id}"], NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r >= 1)
                        {
                            ranked.Add((r, o.Id));
                            _postedRanks[o.Id] = r;
                        }
                    }
                    var repeated = ranked.GroupBy(x => x.Rank).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
                    if (repeated.Count > 0)
                    {
                        ModelState.AddModelError("q" + q.Id, Text("Answer.RankTwice", q.Position, string.Join(", ", repeated)));
                    }
                    answers[q.Id] = new AnswerInput(q.Id, ranked.OrderBy(x => x.Rank).Select(x => x.Option).ToList());
                    break;
                }
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    answers[q.Id] = new AnswerInput(q.Id, form["c" + q.Id].Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : -1).ToList());
                    break;
                case QuestionKind.Likert:
                    answers[q.Id] = new AnswerInput(q.Id, Scale: int.TryParse(form["l" + q.Id], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null);
                    break;
                default:
                    answers[q.Id] = new AnswerInput(q.Id, Text: form["t" + q.Id].ToString());
                    break;
            }
        }
        return answers;
    }
}

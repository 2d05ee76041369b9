using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Consultation.Handlers;

public sealed record OptionInput(string Code, IReadOnlyDictionary<string, string?> Label);

public sealed record QuestionInput(
    QuestionKind Kind,
    IReadOnlyDictionary<string, string?> Text,
    IReadOnlyList<OptionInput>? Options = null,
    bool Required = true,
    int? TopK = null,
    int? ScalePoints = null);

/// <summary>Creates a draft survey, or replaces a draft's fields and questions.</summary>
public sealed class SaveSurvey(CadreDbContext db)
{
    public const int MaxQuestions = 100;
    public const int MaxOptions = 50;

    public sealed record Request(
        int? SurveyId,
        int? Version,
        string Code,
        IReadOnlyDictionary<string, string?> Title,
        IReadOnlyDictionary<string, string?>? Description,
        int? BodyId,
        DateTime OpensAtUtc,
        DateTime ClosesAtUtc,
        bool Anonymous,
        IReadOnlyList<QuestionInput> Questions);

    public async Task<Survey> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ConsultationPermissions.EnsureCanManage(db.Actor);
        Survey? survey = null;
        if (request.SurveyId is int id)
        {
            survey = await db.Surveys.Include(s => s.Questions).ThenInclude(q => q.Options).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct)
                ?? throw new NotFoundException(Messages.Format("Consultation.NotFound", id));
            db.ExpectVersion(survey, request.Version);
            if (survey.Status != SurveyStatus.Draft) throw new ValidationFailedException("survey", Messages.Get("Consultation.OnlyDraftsEdited"));
        }

        var v = new Validation();
        var code = PlanningInput.NormalizeCode(request.Code);
        PlanningInput.Code(v, "code", code);
        var title = PlanningInput.Text(v, "title", request.Title, 400, required: true);
        var description = PlanningInput.Text(v, "description", request.Description, 4000, required: false);
        if (request.ClosesAtUtc <= request.OpensAtUtc) v.Add("closesAt", Messages.Get("Consultation.CloseAfterOpen"));
        var questions = Questions(v, request.Questions);
        if (request.BodyId is int bodyId)
        {
            if (!await db.Bodies.AnyAsync(b => b.Id == bodyId, ct)) v.Add("bodyId", Messages.Format("Consultation.UnknownBody", bodyId));
            // A survey of a body is run by its serving chair (or the secretariat).
            else if (!await Governance.BodyAccess.CanManageAsync(db, db.Actor, bodyId, ct)) throw new ForbiddenException(Messages.Get("Consultation.NotChairOfBody"));
        }
        if (!v.HasErrors && await db.Surveys.AnyAsync(s => s.Code == code && s.Id != (request.SurveyId ?? 0), ct))
        {
            v.Add("code", Messages.Format("Consultation.DuplicateCode", code));
        }
        v.ThrowIfAny();

        if (survey is null)
        {
            survey = new Survey { Status = SurveyStatus.Draft, CreatedByUserId = db.Actor.UserId };
            db.Surveys.Add(survey);
        }
        else
        {
            db.SurveyQuestions.RemoveRange(survey.Questions);
            survey.Questions = [];
        }
        survey.Code = code!;
        survey.Title = title;
        survey.Description = description;
        survey.BodyId = request.BodyId;
        survey.OpensAtUtc = request.OpensAtUtc;
        survey.ClosesAtUtc = request.ClosesAtUtc;
        survey.Anonymous = request.Anonymous;
        survey.Questions.AddRange(questions);
        await db.SaveChangesAsync(ct);
        return survey;
    }

    private static List<SurveyQuestion> Questions(Validation v, IReadOnlyList<QuestionInput>? input)
    {
        var list = new List<SurveyQuestion>();
        if (input is null || input.Count == 0)
        {
            v.Add("questions", Messages.Get("Consultation.NoQuestions"));
            return list;
        }
        if (input.Count > MaxQuestions) v.Add("questions", Messages.Format("Consultation.TooMany", MaxQuestions));
        for (var i = 0; i < input.Count && i < MaxQuestions; i++)
        {
            var q = input[i];
            var field = $"questions[{i}]";
            var text = PlanningInput.Text(v, field + ".text", q.Text, 1000, required: true);
            var options = new List<SurveyOption>();
            var optionInputs = q.Options ?? [];
            var needsOptions = q.Kind is QuestionKind.Ranking or QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
            if (needsOptions && optionInputs.Count < 2) v.Add(field + ".options", Messages.Get("Consultation.TwoOptions"));
            if (!needsOptions && optionInputs.Count > 0) v.Add(field + ".options", Messages.Get("Consultation.NoOptionsHere"));
            if (optionInputs.Count > MaxOptions) v.Add(field + ".options", Messages.Format("Consultation.TooMany", MaxOptions));
            var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var o = 0; o < optionInputs.Count && o < MaxOptions; o++)
            {
                var oField = $"{field}.options[{o}]";
                var oCode = optionInputs[o].Code?.Trim();
                if (string.IsNullOrEmpty(oCode) || oCode.Length > 20) v.Add(oField + ".code", Messages.Format("Consultation.OptionCode", 20));
                else if (!codes.Add(oCode)) v.Add(oField + ".code", Messages.Format("Consultation.DuplicateOption", oCode));
                var label = PlanningInput.Text(v, oField + ".label", optionInputs[o].Label, 400, required: true);
                options.Add(new SurveyOption { Position = o + 1, Code = oCode ?? "", Label = label });
            }
            if (q.Kind == QuestionKind.Ranking && q.TopK is int k && (k < 1 || k > optionInputs.Count))
            {
                v.Add(field + ".topK", Messages.Format("Consultation.TopKRange", optionInputs.Count));
            }
            if (q.Kind != QuestionKind.Ranking && q.TopK is not null) v.Add(field + ".topK", Messages.Get("Consultation.TopKOnlyRanking"));
            int? points = null;
            if (q.Kind == QuestionKind.Likert)
            {
                points = q.ScalePoints ?? 5;
                if (points < 2 || points > 11) v.Add(field + ".scalePoints", Messages.Get("Consultation.ScaleRange"));
            }
            else if (q.ScalePoints is not null) v.Add(field + ".scalePoints", Messages.Get("Consultation.ScaleOnlyLikert"));
            list.Add(new SurveyQuestion
            {
                Position = i + 1,
                Kind = q.Kind,
                Text = text,
                Required = q.Required,
                TopK = q.Kind == QuestionKind.Ranking && q.TopK is int top && top < optionInputs.Count ? top : null,
                ScalePoints = points,
                Options = options,
            });
        }
        return list;
    }
}

public enum SurveyAction
{
    Open,
    Close,
    Publish,
    Unpublish,
}

/// <summary>Opens a draft, closes an open survey, publishes or withdraws its results.</summary>
public sealed class ChangeSurveyStatus(CadreDbContext db)
{
    public sealed record Request(int SurveyId, int? Version, SurveyAction Action);

    public async Task<Survey> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ConsultationPermissions.EnsureCanManage(db.Actor);
        var survey = await db.Surveys.Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == request.SurveyId, ct)
            ?? throw new NotFoundException(Messages.Format("Consultation.NotFound", request.SurveyId));
        db.ExpectVersion(survey, request.Version);
        if (survey.BodyId is int bodyId && !await Governance.BodyAccess.CanManageAsync(db, db.Actor, bodyId, ct))
        {
            throw new ForbiddenException(Messages.Get("Consultation.NotChairOfBody"));
        }
        switch (request.Action)
        {
            case SurveyAction.Open when survey.Status == SurveyStatus.Draft:
                if (survey.Questions.Count == 0) throw new ValidationFailedException("survey", Messages.Get("Consultation.NoQuestions"));
                survey.Status = SurveyStatus.Open;
                break;
            case SurveyAction.Close when survey.Status == SurveyStatus.Open:
                survey.Status = SurveyStatus.Closed;
                if (survey.ClosesAtUtc > db.UtcNow) survey.ClosesAtUtc = db.UtcNow;
                break;
            case SurveyAction.Publish when survey.Status != SurveyStatus.Draft && !survey.ResultsPublished:
                survey.ResultsPublished = true;
                survey.PublishedAtUtc = db.UtcNow;
                break;
            case SurveyAction.Unpublish when survey.ResultsPublished:
                survey.ResultsPublished = false;
                survey.PublishedAtUtc = null;
                break;
            default:
                throw new ValidationFailedException("action", Messages.Format("Consultation.BadTransition", request.Action, survey.Status));
        }
        await db.SaveChangesAsync(ct);
        return survey;
    }
}

/// <summary>Deletes a draft survey (a survey that was opened keeps its answers).</summary>
public sealed class DeleteSurvey(CadreDbContext db)
{
    public sealed record Request(int SurveyId, int? Version);

    public async Task HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ConsultationPermissions.EnsureCanManage(db.Actor);
        var survey = await db.Surveys.Include(s => s.Questions).ThenInclude(q => q.Options).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == request.SurveyId, ct)
            ?? throw new NotFoundException(Messages.Format("Consultation.NotFound", request.SurveyId));
        db.ExpectVersion(survey, request.Version);
        if (survey.Status != SurveyStatus.Draft) throw new ValidationFailedException("survey", Messages.Get("Consultation.OnlyDraftsDeleted"));
        db.Surveys.Remove(survey);
        await db.SaveChangesAsync(ct);
    }
}

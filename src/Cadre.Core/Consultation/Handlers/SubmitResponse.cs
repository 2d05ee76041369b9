using System.Globalization;
using System.Text.Json;
using Cadre.Core.Audit;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Consultation.Handlers;

/// <summary>One answer: option ids (in rank order for a ranking), a Likert point, or text.</summary>
public sealed record AnswerInput(int QuestionId, IReadOnlyList<int>? Choices = null, int? Scale = null, string? Text = null);

/// <summary>
/// Stores the current Delegate's Member's response, or replaces it: one response per Member and
/// survey (a unique index), whatever the number of Delegates submitting at once.
/// </summary>
public sealed class SubmitResponse(CadreDbContext db)
{
    public const int MaxTextLength = 4000;
    private const int Attempts = 20;

    public sealed record Request(int SurveyId, IReadOnlyList<AnswerInput> Answers);

    public async Task<SurveyResponse> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ConsultationPermissions.CanAnswer(db.Actor)) throw new ForbiddenException(Messages.Get("Consultation.OnlyDelegates"));
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Options).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == request.SurveyId, ct);
        if (survey is null || !ConsultationPermissions.CanRead(db.Actor, survey))
        {
            throw new NotFoundException(Messages.Format("Consultation.NotFound", request.SurveyId));
        }
        if (!survey.AcceptsAnswers(db.UtcNow)) throw new ValidationFailedException("survey", Messages.Get("Consultation.NotOpen"));
        var memberId = (await ConsultationPermissions.ActorMemberAsync(db, ct))?.Id
            ?? throw new ForbiddenException(Messages.Get("Consultation.OnlyDelegates"));
        if (survey.BodyId is int bodyId && !await Governance.BodyAccess.IsMemberAsync(db, bodyId, memberId, ct))
        {
            throw new ForbiddenException(Messages.Get("Consultation.NotBodyMember"));
        }
        var answers = Validate(survey, request.Answers);

        // Two Delegates of the same Member may submit at the same moment: the unique index lets one
        // insert win, and the version token one update; the others start again and replace it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await UpsertAsync(survey.Id, memberId, answers, ct);
            }
            catch (Exception ex) when (attempt < Attempts && ex is DbUpdateException or ConcurrencyConflictException)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
        }
    }

    private async Task<SurveyResponse> UpsertAsync(int surveyId, int memberId, List<SurveyAnswer> answers, CancellationToken ct)
    {
        var now = db.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The row of the Member's response exists after this, whoever created it: the unique index
        // makes a second insert do nothing (the same statement on SQLite and PostgreSQL), instead of
        // failing and logging an error for what is an ordinary race.
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "con_responses" ("SurveyId", "MemberId", "SubmittedByUserId", "SubmittedAtUtc", "UpdatedAtUtc", "Version")
            VALUES ({surveyId}, {memberId}, {db.Actor.UserId}, {now}, {now}, 0)
            ON CONFLICT ("SurveyId", "MemberId") DO NOTHING
            """, ct);
        // Taking the row's lock before reading its answers makes concurrent submissions of the same
        // Member wait for each other (PostgreSQL), so that each replaces a complete, committed set of
        // answers; SQLite allows one writer at a time anyway.
        var userId = db.Actor.UserId;
        await db.SurveyResponses.Where(r => r.SurveyId == surveyId && r.MemberId == memberId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Version, r => r.Version + 1)
                .SetProperty(r => r.UpdatedAtUtc, now)
                .SetProperty(r => r.SubmittedByUserId, userId), ct);
        var response = await db.SurveyResponses.Include(r => r.Answers).FirstAsync(r => r.SurveyId == surveyId && r.MemberId == memberId, ct);
        if (inserted == 1)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = now,
                UserId = db.Actor.UserId,
                Actor = db.Actor.Name,
                Action = AuditActions.Create,
                EntityType = nameof(SurveyResponse),
                EntityId = response.Id.ToString(CultureInfo.InvariantCulture),
                Summary = memberId.ToString(CultureInfo.InvariantCulture),
                ChangesJson = JsonSerializer.Serialize(new Dictionary<string, object?[]> { ["SurveyId"] = [null, surveyId], ["MemberId"] = [null, memberId] }),
            });
        }
        db.SurveyAnswers.RemoveRange(response.Answers);
        response.Answers = [];
        response.Answers.AddRange(answers.Select(a => new SurveyAnswer { QuestionId = a.QuestionId, Choices = a.Choices, Scale = a.Scale, Text = a.Text }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return response;
    }

    /// <summary>Checks every answer against its question; every error is reported, nothing is stored.</summary>
    public static List<SurveyAnswer> Validate(Survey survey, IReadOnlyList<AnswerInput>? input)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var v = new Validation();
        var given = new Dictionary<int, AnswerInput>();
        foreach (var (a, i) in (input ?? []).Select((a, i) => (a, i)))
        {
            if (survey.Questions.All(q => q.Id != a.QuestionId)) v.Add($"answers[{i}]", Messages.Format("Consultation.UnknownQuestion", a.QuestionId));
            else if (!given.TryAdd(a.QuestionId, a)) v.Add($"answers[{i}]", Messages.Format("Consultation.QuestionTwice", a.QuestionId));
        }
        var result = new List<SurveyAnswer>();
        foreach (var q in survey.Questions.OrderBy(q => q.Position))
        {
            var field = $"q{q.Id}";
            var n = q.Position;
            if (!given.TryGetValue(q.Id, out var a) || IsEmpty(a))
            {
                if (q.Required) v.Add(field, Messages.Format("Consultation.AnswerRequired", n));
                continue;
            }
            var optionIds = q.Options.Select(o => o.Id).ToHashSet();
            var choices = a.Choices ?? [];
            switch (q.Kind)
            {
                case QuestionKind.Ranking:
                {
                    var expected = q.TopK ?? q.Options.Count;
                    var unknown = choices.Where(c => !optionIds.Contains(c)).ToList();
                    var repeated = choices.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
                    if (unknown.Count > 0) v.Add(field, Messages.Format("Consultation.UnknownOptions", n));
                    else if (repeated.Count > 0) v.Add(field, Messages.Format("Consultation.RankingRepeats", n, Codes(q, repeated)));
                    else if (choices.Count != expected)
                    {
                        var missing = q.Options.Where(o => !choices.Contains(o.Id)).Select(o => o.Id).ToList();
                        v.Add(field, q.TopK is null
                            ? Messages.Format("Consultation.RankingOmits", n, Codes(q, missing))
                            : Messages.Format("Consultation.RankingTopK", n, expected));
                    }
                    break;
                }
                case QuestionKind.SingleChoice:
                    if (choices.Count != 1 || !optionIds.Contains(choices[0])) v.Add(field, Messages.Format("Consultation.ChooseOne", n));
                    break;
                case QuestionKind.MultipleChoice:
                    if (choices.Any(c => !optionIds.Contains(c))) v.Add(field, Messages.Format("Consultation.UnknownOptions", n));
                    else if (choices.Distinct().Count() != choices.Count) v.Add(field, Messages.Format("Consultation.ChoiceRepeats", n));
                    break;
                case QuestionKind.Likert:
                    if (a.Scale is not int s || s < 1 || s > (q.ScalePoints ?? 5)) v.Add(field, Messages.Format("Consultation.ScaleAnswer", n, q.ScalePoints ?? 5));
                    break;
                case QuestionKind.FreeText:
                    if (a.Text!.Trim().Length > MaxTextLength) v.Add(field, Messages.Format("Consultation.TextTooLong", n, MaxTextLength));
                    break;
            }
            result.Add(new SurveyAnswer
            {
                QuestionId = q.Id,
                Choices = q.Kind is QuestionKind.Ranking or QuestionKind.SingleChoice or QuestionKind.MultipleChoice
                    ? string.Join(',', (q.Kind == QuestionKind.MultipleChoice ? choices.Order().ToList() : choices).Select(c => c.ToString(CultureInfo.InvariantCulture)))
                    : null,
                Scale = q.Kind == QuestionKind.Likert ? a.Scale : null,
                Text = q.Kind == QuestionKind.FreeText ? a.Text!.Trim() : null,
            });
        }
        v.ThrowIfAny();
        return result;

        static bool IsEmpty(AnswerInput a) => (a.Choices is null || a.Choices.Count == 0) && a.Scale is null && string.IsNullOrWhiteSpace(a.Text);
    }

    private static string Codes(SurveyQuestion q, IEnumerable<int> optionIds) =>
        string.Join(", ", optionIds.Select(id => q.Options.FirstOrDefault(o => o.Id == id)?.Code ?? id.ToString(CultureInfo.InvariantCulture)));
}

using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Consultation;

public enum SurveySort
{
    Code,
    Title,
    Closes,
    Status,
}

public sealed record SurveySummary(int Id, string Code, LocalizedText Title, SurveyStatus Status, DateTime OpensAtUtc, DateTime ClosesAtUtc,
    bool Anonymous, bool ResultsPublished, int Responses, int Version);

public sealed record OwnResponse(int Id, string MemberCode, DateTime SubmittedAtUtc, DateTime UpdatedAtUtc, IReadOnlyList<SurveyAnswer> Answers, int Version);

/// <summary>One row of an export: the Member (null when anonymous) and one cell per question.</summary>
public sealed record ExportRow(string? MemberCode, IReadOnlyList<string> Cells);

/// <summary>Reads of the Consultation area, filtered by what the current actor may see.</summary>
public sealed class ConsultationQueries(CadreDbContext db)
{
    private IQueryable<Survey> Visible() =>
        ConsultationPermissions.CanManage(db.Actor) ? db.Surveys : db.Surveys.Where(s => s.Status != SurveyStatus.Draft);

    public ICurrentActor Actor => db.Actor;
    public DateTime UtcNow => db.UtcNow;

    public async Task<Paged<SurveySummary>> ListSurveysAsync(string? search = null, SurveySort sort = SurveySort.Closes, bool descending = true,
        int? page = null, int? pageSize = null, CancellationToken ct = default)
    {
        var (p, size) = Paged<SurveySummary>.Clamp(page, pageSize);
        var q = Visible().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToLower();
            q = q.Where(x => x.Code.ToLower().Contains(s) || (x.Title.En != null && x.Title.En.ToLower().Contains(s)) || (x.Title.Fr != null && x.Title.Fr.ToLower().Contains(s)));
        }
        q = (sort, descending) switch
        {
            (SurveySort.Code, false) => q.OrderBy(x => x.Code),
            (SurveySort.Code, true) => q.OrderByDescending(x => x.Code),
            (SurveySort.Title, false) => q.OrderBy(x => x.Title.En).ThenBy(x => x.Code),
            (SurveySort.Title, true) => q.OrderByDescending(x => x.Title.En).ThenBy(x => x.Code),
            (SurveySort.Status, false) => q.OrderBy(x => x.Status).ThenBy(x => x.Code),
            (SurveySort.Status, true) => q.OrderByDescending(x => x.Status).ThenBy(x => x.Code),
            (_, false) => q.OrderBy(x => x.ClosesAtUtc).ThenBy(x => x.Code),
            _ => q.OrderByDescending(x => x.ClosesAtUtc).ThenBy(x => x.Code),
        };
        var total = await q.CountAsync(ct);
        var items = await q.Skip((p - 1) * size).Take(size)
            .Select(x => new SurveySummary(x.Id, x.Code, x.Title, x.Status, x.OpensAtUtc, x.ClosesAtUtc, x.Anonymous, x.ResultsPublished,
                db.SurveyResponses.Count(r => r.SurveyId == x.Id), x.Version))
            .ToListAsync(ct);
        return new Paged<SurveySummary>(items, p, size, total);
    }

    /// <summary>The survey with its questions and options, or null when it does not exist or is not visible.</summary>
    public async Task<Survey?> GetSurveyAsync(int id, CancellationToken ct = default) =>
        await Visible().AsNoTracking().Include(s => s.Questions.OrderBy(q => q.Position)).ThenInclude(q => q.Options.OrderBy(o => o.Position))
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);

    public async Task<int> CountResponsesAsync(int surveyId, CancellationToken ct = default) =>
        await db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId, ct);

    /// <summary>The response of the current Delegate's Member, never another Member's.</summary>
    public async Task<OwnResponse?> GetOwnResponseAsync(int surveyId, CancellationToken ct = default)
    {
        if (await ConsultationPermissions.ActorMemberAsync(db, ct) is not { } member) return null;
        var r = await db.SurveyResponses.AsNoTracking().Include(x => x.Answers)
            .FirstOrDefaultAsync(x => x.SurveyId == surveyId && x.MemberId == member.Id, ct);
        return r is null ? null : new OwnResponse(r.Id, member.Code, r.SubmittedAtUtc, r.UpdatedAtUtc, r.Answers, r.Version);
    }

    /// <summary>The code of the Member the current Delegate acts for, if any.</summary>
    public async Task<string?> ActorMemberCodeAsync(CancellationToken ct = default) =>
        (await ConsultationPermissions.ActorMemberAsync(db, ct))?.Code;

    /// <summary>The results, or null when the survey is not visible or its results are not (yet) for this actor.</summary>
    public async Task<SurveyResultsView?> GetResultsAsync(int surveyId, string language, CancellationToken ct = default)
    {
        var survey = await GetSurveyAsync(surveyId, ct);
        if (survey is null || !ConsultationPermissions.CanSeeResults(db.Actor, survey)) return null;
        var responses = await ResponsesAsync(survey, ct);
        return SurveyResultsCalculator.Compute(survey, responses, language);
    }

    private async Task<List<ResponseAnswers>> ResponsesAsync(Survey survey, CancellationToken ct)
    {
        var rows = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id).OrderBy(r => r.Id)
            .Select(r => new { Code = r.Member!.Code, r.Answers }).ToListAsync(ct);
        return rows.Select(r => new ResponseAnswers(survey.Anonymous ? null : r.Code, r.Answers)).ToList();
    }

    /// <summary>
    /// The responses as rows (for CSV and XLSX), managers only. Anonymous surveys lose the Member and
    /// are sorted by their answers, so that the order does not follow the time of submission.
    /// </summary>
    public async Task<(Survey Survey, IReadOnlyList<ExportRow> Rows)?> ExportAsync(int surveyId, string language, CancellationToken ct = default)
    {
        var survey = await GetSurveyAsync(surveyId, ct);
        if (survey is null) return null;
        ConsultationPermissions.EnsureCanManage(db.Actor);
        var responses = await ResponsesAsync(survey, ct);
        var questions = survey.Questions.OrderBy(q => q.Position).ToList();
        var rows = responses.Select(r => new ExportRow(r.MemberCode, questions.Select(q => Cell(q, r.Answers.FirstOrDefault(a => a.QuestionId == q.Id))).ToList())).ToList();
        if (survey.Anonymous) rows = rows.OrderBy(r => string.Join("\u0001", r.Cells), StringComparer.Ordinal).ToList();
        return (survey, rows);

        string Cell(SurveyQuestion q, SurveyAnswer? a)
        {
            if (a is null) return "";
            return q.Kind switch
            {
                QuestionKind.Likert => a.Scale?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                QuestionKind.FreeText => a.Text ?? "",
                // Options by code, in the order given (rank order for a ranking).
                _ => string.Join(q.Kind == QuestionKind.Ranking ? " > " : "; ", a.ChoiceIds().Select(id => q.Options.FirstOrDefault(o => o.Id == id)?.Code ?? "?")),
            };
        }
    }
}

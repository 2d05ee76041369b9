using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Finance.Handlers;

/// <summary>
/// Creates or changes a risk of the register; every change of its assessment is kept as history. The title, cause,
/// consequence and actions (the mitigation) are per language; on a change only the languages given are replaced.
/// </summary>
public sealed class SaveRisk(CadreDbContext db)
{
    public sealed record Request(
        int? RiskId,
        int PlanId,
        int? Version,
        int ElementId,
        string Code,
        IReadOnlyDictionary<string, string?>? Title,
        RiskCategory Category,
        IReadOnlyDictionary<string, string?>? Cause,
        IReadOnlyDictionary<string, string?>? Consequence,
        int Likelihood,
        int Impact,
        string? Owner,
        RiskResponse Response,
        IReadOnlyDictionary<string, string?>? Actions,
        RiskStatus Status,
        DateTime? NextReviewUtc,
        string? Note = null);

    public async Task<Risk> HandleAsync(Request request, CancellationToken ct = default)
    {
        FinancePermissions.EnsureCanEdit(db.Actor);
        Risk? risk = null;
        var planId = request.PlanId;
        if (request.RiskId is int id)
        {
            risk = await db.Risks.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException(Messages.Format("Finance.Error.NoRisk", id));
            planId = risk.PlanId;
        }
        var plan = await FinanceInput.StrategicPlanForEditAsync(db, planId, ct);
        if (risk is not null) db.ExpectVersion(risk, request.Version);

        var v = new Validation();
        var code = request.Code?.Trim();
        v.Require("code", code, 40);
        var title = PlanningInput.Text(v, "title", request.Title, 400, required: risk is null);
        if (!await db.PlanElements.AnyAsync(e => e.Id == request.ElementId && e.PlanId == plan.Id, ct))
        {
            v.Add("elementId", Messages.Format("Finance.Error.UnknownElement", request.ElementId, plan.Code));
        }
        if (!Enum.IsDefined(request.Category)) v.Add("category", Messages.Get("Finance.Error.UnknownCategory"));
        if (!Enum.IsDefined(request.Response)) v.Add("response", Messages.Get("Finance.Error.UnknownCategory"));
        if (!Enum.IsDefined(request.Status)) v.Add("status", Messages.Get("Finance.Error.UnknownCategory"));
        var cause = Merged(risk?.Cause, PlanningInput.Text(v, "cause", request.Cause, 2000, required: false), request.Cause);
        var consequence = Merged(risk?.Consequence, PlanningInput.Text(v, "consequence", request.Consequence, 2000, required: false), request.Consequence);
        var actions = Merged(risk?.Actions, PlanningInput.Text(v, "actions", request.Actions, 4000, required: false), request.Actions);
        if (cause.IsEmpty) v.Add("cause", Messages.Get("Finance.Error.TextRequired"));
        if (consequence.IsEmpty) v.Add("consequence", Messages.Get("Finance.Error.TextRequired"));
        v.Require("owner", request.Owner, 200);
        v.MaxLength("note", request.Note, 2000);
        if (request.Likelihood is < 1 or > 5) v.Add("likelihood", Messages.Get("Finance.Error.Scale"));
        if (request.Impact is < 1 or > 5) v.Add("impact", Messages.Get("Finance.Error.Scale"));
        if (code is not null && !v.HasErrors && await db.Risks.AnyAsync(r => r.PlanId == plan.Id && r.Code == code && r.Id != (request.RiskId ?? 0), ct))
        {
            v.Add("code", Messages.Format("Finance.Error.DuplicateRisk", code));
        }
        v.ThrowIfAny();

        var assessed = risk is null || risk.Likelihood != request.Likelihood || risk.Impact != request.Impact || risk.Status != request.Status
            || !string.IsNullOrWhiteSpace(request.Note);
        if (risk is null)
        {
            risk = new Risk { PlanId = plan.Id, Title = title };
            db.Risks.Add(risk);
        }
        else
        {
            var newTitle = risk.Title.Copy();
            PlanningInput.Merge(newTitle, title, request.Title);
            if (newTitle.IsEmpty) new Validation().Add("title", Messages.Get("Error.TitleRequired")).ThrowIfAny();
            risk.Title = newTitle;
        }
        risk.ElementId = request.ElementId;
        risk.Code = code!;
        risk.Category = request.Category;
        risk.Cause = cause;
        risk.Consequence = consequence;
        risk.Likelihood = request.Likelihood;
        risk.Impact = request.Impact;
        risk.Owner = FinanceInput.Trim(request.Owner);
        risk.Response = request.Response;
        risk.Actions = actions;
        risk.Status = request.Status;
        risk.NextReviewUtc = request.NextReviewUtc is DateTime d ? DateTime.SpecifyKind(d.Date, DateTimeKind.Utc) : null;
        if (assessed)
        {
            risk.Assessments.Add(new RiskAssessment
            {
                AtUtc = db.UtcNow,
                AssessedBy = db.Actor.Name,
                Likelihood = request.Likelihood,
                Impact = request.Impact,
                Status = request.Status,
                Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            });
        }
        await db.SaveChangesAsync(ct);
        return risk;
    }

    /// <summary>A new risk's text as given; a changed risk's text with only the given languages replaced.</summary>
    private static LocalizedText Merged(LocalizedText? current, LocalizedText changes, IReadOnlyDictionary<string, string?>? given)
    {
        if (current is null) return changes;
        var text = current.Copy();
        PlanningInput.Merge(text, changes, given);
        return text;
    }
}

public sealed class DeleteRisk(CadreDbContext db)
{
    public sealed record Request(int RiskId, int? Version);

    public async Task HandleAsync(Request request, CancellationToken ct = default)
    {
        FinancePermissions.EnsureCanEdit(db.Actor);
        var risk = await db.Risks.FirstOrDefaultAsync(r => r.Id == request.RiskId, ct)
            ?? throw new NotFoundException(Messages.Format("Finance.Error.NoRisk", request.RiskId));
        await FinanceInput.StrategicPlanForEditAsync(db, risk.PlanId, ct);
        db.ExpectVersion(risk, request.Version);
        db.Risks.Remove(risk);
        await db.SaveChangesAsync(ct);
    }
}

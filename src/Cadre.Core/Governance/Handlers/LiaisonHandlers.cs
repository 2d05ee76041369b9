using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Governance.Handlers;

/// <summary>Creates or updates a liaison statement; the sending body's chair (or the secretariat) writes it.</summary>
public sealed class SaveLiaison(CadreDbContext db)
{
    public sealed record Request(
        int? LiaisonId,
        int? Version,
        int FromBodyId,
        int ToBodyId,
        IReadOnlyDictionary<string, string?> Title,
        IReadOnlyDictionary<string, string?>? Text,
        LiaisonAction Action,
        DateOnly SentOn,
        DateOnly? Deadline = null,
        string? Symbol = null,
        int? InReplyToId = null,
        IReadOnlyList<string>? Documents = null);

    public async Task<LiaisonStatement> HandleAsync(Request request, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        ArgumentNullException.ThrowIfNull(request);
        LiaisonStatement? ls = null;
        if (request.LiaisonId is int id)
        {
            ls = await db.LiaisonStatements.FirstOrDefaultAsync(l => l.Id == id, ct)
                ?? throw new NotFoundException(Messages.Get("Error.NotFound.Liaison"));
            await GovernanceInput.EnsureCanManageAsync(db, ls.FromBodyId, ct);
            db.ExpectVersion(ls, request.Version);
        }
        var v = new Validation();
        if (!await db.Bodies.AnyAsync(b => b.Id == request.FromBodyId, ct)) v.Add("fromBodyId", Messages.Get("Error.NotFound.Body"));
        if (!await db.Bodies.AnyAsync(b => b.Id == request.ToBodyId, ct)) v.Add("toBodyId", Messages.Get("Error.NotFound.Body"));
        if (request.FromBodyId == request.ToBodyId) v.Add("toBodyId", Messages.Get("Error.Liaison.SameBody"));
        if (v.HasErrors) v.ThrowIfAny();
        await GovernanceInput.EnsureCanManageAsync(db, request.FromBodyId, ct);

        var title = Planning.Handlers.PlanningInput.Text(v, "title", request.Title, 400, required: true);
        var text = Planning.Handlers.PlanningInput.Text(v, "text", request.Text, 8000, required: false);
        if (!Enum.IsDefined(request.Action)) v.Add("action", Messages.Get("Error.Required"));
        if (request.Deadline is DateOnly d && d < request.SentOn) v.Add("deadline", Messages.Get("Error.Liaison.DeadlineBeforeSent"));
        var symbol = GovernanceInput.Symbol(v, "symbol", request.Symbol);
        var documents = GovernanceInput.Documents(v, "documents", request.Documents);
        if (request.InReplyToId is int replyTo)
        {
            var original = await db.LiaisonStatements.Where(l => l.Id == replyTo).Select(l => new { l.FromBodyId, l.ToBodyId }).FirstOrDefaultAsync(ct);
            if (original is null) v.Add("inReplyToId", Messages.Get("Error.NotFound.Liaison"));
            else if (original.ToBodyId != request.FromBodyId || original.FromBodyId != request.ToBodyId) v.Add("inReplyToId", Messages.Get("Error.Liaison.ReplyBodies"));
            else if (replyTo == request.LiaisonId) v.Add("inReplyToId", Messages.Get("Error.Liaison.ReplyBodies"));
        }
        v.ThrowIfAny();

        if (ls is null)
        {
            ls = new LiaisonStatement();
            db.LiaisonStatements.Add(ls);
        }
        ls.FromBodyId = request.FromBodyId;
        ls.ToBodyId = request.ToBodyId;
        ls.Title = title;
        ls.Text = text;
        ls.Action = request.Action;
        ls.SentOn = request.SentOn;
        ls.Deadline = request.Deadline;
        ls.Symbol = symbol;
        ls.InReplyToId = request.InReplyToId;
        // Callers that do not send the linked documents (the API's contract) keep them as they are.
        if (request.Documents is not null) ls.Documents = Symbols.Join(documents);
        await db.SaveChangesAsync(ct);
        return ls;
    }
}

public sealed class DeleteLiaison(CadreDbContext db)
{
    public async Task HandleAsync(int liaisonId, int? version, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        var ls = await db.LiaisonStatements.FirstOrDefaultAsync(l => l.Id == liaisonId, ct)
            ?? throw new NotFoundException(Messages.Get("Error.NotFound.Liaison"));
        await GovernanceInput.EnsureCanManageAsync(db, ls.FromBodyId, ct);
        db.ExpectVersion(ls, version);
        // Replies keep their text; their link back is cleared by the database (set null).
        db.LiaisonStatements.Remove(ls);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Creates or updates a recommendation from a body to its parent, with its status and the settling decision.
/// </summary>
public sealed class SaveRecommendation(CadreDbContext db)
{
    public sealed record Request(
        int? RecommendationId,
        int? Version,
        int BodyId,
        string Number,
        IReadOnlyDictionary<string, string?> Text,
        DateOnly ProposedOn,
        RecommendationStatus Status = RecommendationStatus.Proposed,
        string? SourceSymbol = null,
        IReadOnlyDictionary<string, string?>? Decision = null,
        string? DecisionSymbol = null,
        DateOnly? DecidedOn = null,
        IReadOnlyList<string>? Documents = null,
        IReadOnlyList<int>? PlanElementIds = null,
        int? PlanId = null,
        IReadOnlyList<string>? ElementCodes = null);

    public async Task<Recommendation> HandleAsync(Request request, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        ArgumentNullException.ThrowIfNull(request);
        Recommendation? rec = null;
        if (request.RecommendationId is int id)
        {
            rec = await db.Recommendations.Include(r => r.Elements).FirstOrDefaultAsync(r => r.Id == id, ct)
                ?? throw new NotFoundException(Messages.Get("Error.NotFound.Recommendation"));
            await GovernanceInput.EnsureCanManageAsync(db, rec.BodyId, ct);
            db.ExpectVersion(rec, request.Version);
            if (rec.BodyId != request.BodyId) throw new ValidationFailedException("bodyId", Messages.Get("Error.Recommendation.BodyFixed"));
        }
        var body = await GovernanceInput.BodyAsync(db, request.BodyId, ct);
        await GovernanceInput.EnsureCanManageAsync(db, body.Id, ct);

        var v = new Validation();
        if (body.ParentId is null) v.Add("bodyId", Messages.Get("Error.Recommendation.NoParent"));
        var number = GovernanceInput.Trimmed(v, "number", request.Number, 20);
        if (number is null) v.Add("number", Messages.Get("Error.Required"));
        var text = Planning.Handlers.PlanningInput.Text(v, "text", request.Text, 4000, required: true);
        if (!Enum.IsDefined(request.Status)) v.Add("status", Messages.Get("Error.Required"));
        var source = GovernanceInput.Symbol(v, "sourceSymbol", request.SourceSymbol);
        LocalizedText decision;
        string? decisionSymbol;
        if (rec is not null && rec.Status != request.Status)
        {
            // A change of status is a decision: the same rule, one step at a time, as SettleRecommendation (the
            // step-by-step form and the API's decision endpoint).
            (decision, decisionSymbol) = SettleRecommendation.CheckDecision(v, rec.Status, request.Status, request.Decision, request.DecisionSymbol, request.DecidedOn, request.ProposedOn);
        }
        else
        {
            // A new recommendation starts proposed; its decision comes afterwards, one step at a time.
            if (rec is null && request.Status != RecommendationStatus.Proposed) v.Add("status", Messages.Get("Error.Recommendation.NewIsProposed"));
            decision = Planning.Handlers.PlanningInput.Text(v, "decision", request.Decision, 4000, required: false);
            decisionSymbol = GovernanceInput.Symbol(v, "decisionSymbol", request.DecisionSymbol);
            if (request.Status != RecommendationStatus.Proposed)
            {
                // A settled recommendation keeps saying what settled it and when.
                if (request.DecidedOn is null) v.Add("decidedOn", Messages.Get("Error.Recommendation.DecisionRequired"));
                if (decision.IsEmpty && decisionSymbol is null) v.Add("decision", Messages.Get("Error.Recommendation.DecisionRequired"));
            }
            if (request.DecidedOn is DateOnly dd && dd < request.ProposedOn) v.Add("decidedOn", Messages.Get("Error.Recommendation.DecidedBeforeProposed"));
        }
        var docs = GovernanceInput.Documents(v, "documents", request.Documents);
        var elementIds = (request.PlanElementIds ?? []).ToList();
        elementIds.AddRange(await ElementIdsByCodeAsync(v, request.PlanId, request.ElementCodes, ct));
        elementIds = [.. elementIds.Distinct()];
        if (elementIds.Count > 0)
        {
            var found = await db.PlanElements.Where(e => elementIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
            foreach (var missing in elementIds.Except(found)) v.Add("planElementIds", Messages.Format("Error.Recommendation.Element", missing));
        }
        if (number is not null && await db.Recommendations.AnyAsync(r => r.BodyId == body.Id && r.Number == number && r.Id != (request.RecommendationId ?? 0), ct))
        {
            v.Add("number", Messages.Format("Error.Recommendation.Duplicate", number));
        }
        v.ThrowIfAny();

        if (rec is null)
        {
            rec = new Recommendation { BodyId = body.Id, ToBodyId = body.ParentId!.Value };
            db.Recommendations.Add(rec);
        }
        rec.Number = number!;
        rec.Text = text;
        rec.ProposedOn = request.ProposedOn;
        rec.Status = request.Status;
        rec.SourceSymbol = source;
        rec.Decision = decision;
        rec.DecisionSymbol = decisionSymbol;
        rec.DecidedOn = request.Status == RecommendationStatus.Proposed ? null : request.DecidedOn;
        rec.Documents = Symbols.Join(docs);
        rec.Elements.RemoveAll(e => !elementIds.Contains(e.PlanElementId));
        foreach (var eid in elementIds.Where(e => rec.Elements.All(x => x.PlanElementId != e)))
        {
            rec.Elements.Add(new RecommendationElement { PlanElementId = eid });
        }
        await db.SaveChangesAsync(ct);
        return rec;
    }

    /// <summary>Plan element codes (<c>D.1</c>, <c>D.4</c>) looked up in one plan, as typed in a form.</summary>
    private async Task<List<int>> ElementIdsByCodeAsync(Validation v, int? planId, IReadOnlyList<string>? codes, CancellationToken ct)
    {
        var wanted = (codes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return [];
        if (planId is null)
        {
            v.Add("planId", Messages.Get("Error.Recommendation.PlanRequired"));
            return [];
        }
        var found = await db.PlanElements.Where(e => e.PlanId == planId && wanted.Contains(e.Code)).Select(e => new { e.Id, e.Code }).ToListAsync(ct);
        foreach (var missing in wanted.Where(c => found.All(f => f.Code != c))) v.Add("elementCodes", Messages.Format("Error.Recommendation.ElementCode", missing));
        return [.. found.Select(f => f.Id)];
    }
}

/// <summary>
/// Moves a recommendation along its course, proposed → endorsed or rejected, endorsed → implemented, recording the
/// decision that settled it (text or document symbol, and its date). The managers of the recommending body or of the
/// body it is addressed to may do it.
/// </summary>
public sealed class SettleRecommendation(CadreDbContext db)
{
    public sealed record Request(int RecommendationId, int? Version, RecommendationStatus Status, IReadOnlyDictionary<string, string?>? Decision, string? DecisionSymbol, DateOnly? DecidedOn);

    /// <summary>The statuses a recommendation may move to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<RecommendationStatus> NextStatuses(RecommendationStatus from) => from switch
    {
        RecommendationStatus.Proposed => [RecommendationStatus.Endorsed, RecommendationStatus.Rejected],
        RecommendationStatus.Endorsed => [RecommendationStatus.Implemented],
        _ => [],
    };

    /// <summary>
    /// The rule of a move from <paramref name="from"/> to <paramref name="to"/>: one allowed step, with the decision
    /// (text or symbol) and its date, not before the proposal. Errors go to <paramref name="v"/>; nothing is changed.
    /// </summary>
    internal static (LocalizedText Decision, string? Symbol) CheckDecision(Validation v, RecommendationStatus from, RecommendationStatus to,
        IReadOnlyDictionary<string, string?>? decisionText, string? decisionSymbol, DateOnly? decidedOn, DateOnly proposedOn)
    {
        if (!NextStatuses(from).Contains(to))
        {
            v.Add("status", Messages.Get("Error.Recommendation.Transition"));
        }
        var decision = Planning.Handlers.PlanningInput.Text(v, "decision", decisionText, 4000, required: false);
        var symbol = GovernanceInput.Symbol(v, "decisionSymbol", decisionSymbol);
        if (decision.IsEmpty && symbol is null) v.Add("decision", Messages.Get("Error.Recommendation.DecisionRequired"));
        if (decidedOn is null) v.Add("decidedOn", Messages.Get("Error.Recommendation.DecisionRequired"));
        else if (decidedOn < proposedOn) v.Add("decidedOn", Messages.Get("Error.Recommendation.DecidedBeforeProposed"));
        return (decision, symbol);
    }

    public async Task<Recommendation> HandleAsync(Request request, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        ArgumentNullException.ThrowIfNull(request);
        var rec = await db.Recommendations.FirstOrDefaultAsync(r => r.Id == request.RecommendationId, ct)
            ?? throw new NotFoundException(Messages.Get("Error.NotFound.Recommendation"));
        if (!await BodyAccess.CanManageAsync(db, db.Actor, rec.BodyId, ct) && !await BodyAccess.CanManageAsync(db, db.Actor, rec.ToBodyId, ct))
        {
            throw new ForbiddenException(Messages.Get("Error.Forbidden"));
        }
        db.ExpectVersion(rec, request.Version);
        var v = new Validation();
        var (decision, symbol) = CheckDecision(v, rec.Status, request.Status, request.Decision, request.DecisionSymbol, request.DecidedOn, rec.ProposedOn);
        v.ThrowIfAny();
        rec.Status = request.Status;
        rec.Decision = decision;
        rec.DecisionSymbol = symbol;
        rec.DecidedOn = request.DecidedOn;
        await db.SaveChangesAsync(ct);
        return rec;
    }
}

public sealed class DeleteRecommendation(CadreDbContext db)
{
    public async Task HandleAsync(int recommendationId, int? version, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        var rec = await db.Recommendations.FirstOrDefaultAsync(r => r.Id == recommendationId, ct)
            ?? throw new NotFoundException(Messages.Get("Error.NotFound.Recommendation"));
        await GovernanceInput.EnsureCanManageAsync(db, rec.BodyId, ct);
        db.ExpectVersion(rec, version);
        db.Recommendations.Remove(rec);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Adds or changes an entry of a body's work programme.</summary>
public sealed class SaveWorkItem(CadreDbContext db)
{
    public sealed record Request(int? WorkItemId, int? Version, int BodyId, WorkItemKind Kind, IReadOnlyDictionary<string, string?> Title, DateOnly DueOn, int? MeetingId = null);

    public async Task<WorkItem> HandleAsync(Request request, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        ArgumentNullException.ThrowIfNull(request);
        WorkItem? item = null;
        if (request.WorkItemId is int id)
        {
            item = await db.WorkItems.FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException(Messages.Get("Error.NotFound.WorkItem"));
            await GovernanceInput.EnsureCanManageAsync(db, item.BodyId, ct);
            db.ExpectVersion(item, request.Version);
        }
        await GovernanceInput.BodyAsync(db, request.BodyId, ct);
        await GovernanceInput.EnsureCanManageAsync(db, request.BodyId, ct);
        var v = new Validation();
        var title = Planning.Handlers.PlanningInput.Text(v, "title", request.Title, 400, required: true);
        if (!Enum.IsDefined(request.Kind)) v.Add("kind", Messages.Get("Error.Required"));
        if (request.MeetingId is int mid && !await db.Meetings.AnyAsync(m => m.Id == mid && m.BodyId == request.BodyId, ct)) v.Add("meetingId", Messages.Get("Error.NotFound.Meeting"));
        v.ThrowIfAny();
        if (item is null)
        {
            item = new WorkItem();
            db.WorkItems.Add(item);
        }
        item.BodyId = request.BodyId;
        item.Kind = request.Kind;
        item.Title = title;
        item.DueOn = request.DueOn;
        item.MeetingId = request.MeetingId;
        await db.SaveChangesAsync(ct);
        return item;
    }
}

public sealed class DeleteWorkItem(CadreDbContext db)
{
    public async Task HandleAsync(int workItemId, int? version, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        var item = await db.WorkItems.FirstOrDefaultAsync(w => w.Id == workItemId, ct) ?? throw new NotFoundException(Messages.Get("Error.NotFound.WorkItem"));
        await GovernanceInput.EnsureCanManageAsync(db, item.BodyId, ct);
        db.ExpectVersion(item, version);
        db.WorkItems.Remove(item);
        await db.SaveChangesAsync(ct);
    }
}

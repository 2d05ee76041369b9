using Cadre.Core.Common;
using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cadre.Web.Api.Finance;

/// <summary>
/// Registers the Finance area's services and maps its API endpoints (called from Program.cs).
/// Reads follow the plan (drafts only for the secretariat and the Council; the risk register only for them);
/// writes need an access token and a Planner (the handlers check).
/// </summary>
public static class FinanceArea
{
    private const string FinanceTag = "Finance";
    private const string RisksTag = "Risks";
    private const string OperationalTag = "Operational plans";

    public static IServiceCollection AddFinanceArea(this IServiceCollection services)
    {
        services.AddFinance();
        return services;
    }

    public static IEndpointRouteBuilder MapFinanceArea(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .AddEndpointFilter(ApiSetup.CatchHandlerFailures)
            .WithMetadata(new ApiSetup.SkipStatusCodePages());

        api.MapGet("/plans/{id:int}/financial-plan", GetFinancialPlan).Read().ProducesProblems(404)
            .WithName("GetFinancialPlan").WithSummary("The plan's financial plan: revenue by source and expenses by unit per year, limits, and the balance of each biennium (CHF).").WithTags(FinanceTag);
        api.MapPut("/plans/{id:int}/financial-plan", PutFinancialPlan).Write()
            .WithName("SaveFinancialPlan").WithSummary("Creates or replaces the financial plan of a strategic plan (all lines and limits).").WithTags(FinanceTag);
        api.MapDelete("/plans/{id:int}/financial-plan", DeleteFinancialPlan).Write()
            .WithName("DeleteFinancialPlan").WithSummary("Deletes a financial plan with its budgets, expenditure and keys.").WithTags(FinanceTag);
        api.MapGet("/plans/{id:int}/budgets", GetBudgets).Read().ProducesProblems(404)
            .WithName("GetBudgets").WithSummary("The biennial budgets by unit and cost category, with expenditure and execution rates.").WithTags(FinanceTag);
        api.MapPut("/plans/{id:int}/budgets/{startYear:int}", PutBudget).Write()
            .WithName("SaveBudget").WithSummary("Sets a biennial budget's appropriations and whether the biennium is closed.").WithTags(FinanceTag);
        api.MapGet("/plans/{id:int}/attribution", GetAttribution).Read().ProducesProblems(404)
            .WithName("GetAttribution").WithSummary("The attribution of each unit's resources to the plan's elements, with totals per top-level element and per strategic goal.").WithTags(FinanceTag);
        api.MapPut("/plans/{id:int}/goal-shares", PutGoalShares).Write()
            .WithName("SaveGoalShares").WithSummary("Sets how each thematic priority or enabler serves the strategic goals (percent per goal, totalling 100 per element); replaces every share.").WithTags(FinanceTag);
        api.MapGet("/plans/{id:int}/attribution-keys", GetKeys).Read().ProducesProblems(404)
            .WithName("GetAttributionKeys").WithSummary("Each unit's attribution keys (percentages or drivers).").WithTags(FinanceTag);
        api.MapPut("/plans/{id:int}/attribution-keys/{unit}", PutKeys).Write()
            .WithName("SaveAttributionKeys").WithSummary("Sets a unit's attribution keys; percentages must total 100.").WithTags(FinanceTag);
        api.MapDelete("/plans/{id:int}/attribution-keys/{unit}", DeleteKeys).Write()
            .WithName("DeleteAttributionKeys").WithSummary("Removes a unit's attribution keys.").WithTags(FinanceTag);
        api.MapGet("/plans/{id:int}/coherence", GetCoherence).Read().ProducesProblems(404)
            .WithName("GetCoherence").WithSummary("What does not agree between the strategic plan, the operational plans, the financial plan, the budgets and the attribution.").WithTags(FinanceTag);
        api.MapPost("/expenditure/preview", PreviewExpenditure).Write()
            .WithName("PreviewExpenditure").WithSummary("Checks an expenditure file (the body: .csv or .xlsx with columns year, unit, category, amount, description) against the budgets of ?plan= (a strategic plan id) and lists every row's errors; stores nothing.").WithTags(FinanceTag);
        api.MapPost("/expenditure/import", PostExpenditure).Write()
            .WithName("ImportExpenditure").WithSummary("Imports an expenditure file: every row, or none when any row has an error.").WithTags(FinanceTag);

        api.MapGet("/plans/{id:int}/risks", GetRisks).Read().ProducesProblems(404)
            .WithName("ListRisks").WithSummary("The plan's risk register, highest score first.").WithTags(RisksTag);
        api.MapPost("/plans/{id:int}/risks", PostRisk).Write()
            .WithName("CreateRisk").WithSummary("Adds a risk to the register, with its first assessment.").WithTags(RisksTag);
        api.MapGet("/risks/{id:int}", GetRisk).Read().ProducesProblems(404)
            .WithName("GetRisk").WithSummary("A risk with the history of its assessments.").WithTags(RisksTag);
        api.MapPut("/risks/{id:int}", PutRisk).Write()
            .WithName("UpdateRisk").WithSummary("Changes a risk; a new likelihood, impact or status is recorded as an assessment.").WithTags(RisksTag);
        api.MapDelete("/risks/{id:int}", DeleteRisk).Write()
            .WithName("DeleteRisk").WithSummary("Removes a risk and its history.").WithTags(RisksTag);

        api.MapGet("/plans/{id:int}/operational-resources", GetResources).Read().ProducesProblems(404)
            .WithName("GetOperationalResources").WithSummary("A plan's elements with their responsible unit, resources and the strategic elements they contribute to.").WithTags(OperationalTag);
        api.MapPut("/elements/{id:int}/resources", PutResource).Write()
            .WithName("SaveOutputResource").WithSummary("Sets the responsible unit and resources of an operational output or activity.").WithTags(OperationalTag);
        api.MapPost("/plans/{id:int}/roll-forward", PostRollForward).Write()
            .WithName("RollForwardOperationalPlan").WithSummary("Rolls an operational plan forward one year: a draft copy with its links and resources.").WithTags(OperationalTag);
        return app;
    }

    private static NotFoundException PlanNotFound(int id) => new(Messages.Format("Error.NotFound.Plan", id));

    private static FinancialPlanResponse ToResponse(FinancialPlanView v) => new(v.Plan.Id, v.Plan.Code, v.Id is not null, v.Version, v.AdoptedBy,
        v.Lines.Select(l => new FinancialPlanLineDto(l.Kind, l.Category, l.Year, l.Amount)).ToList(),
        v.Limits.Select(l => new FinancialLimitDto(l.Unit, l.Ceiling)).ToList(),
        v.Balances.Select(b => new BienniumBalanceDto(b.StartYear, b.EndYear, b.Revenue, b.Expenses, b.Balance)).ToList());

    private static async Task<Ok<FinancialPlanResponse>> GetFinancialPlan(int id, FinanceQueries queries, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await queries.GetFinancialPlanAsync(id, ct) ?? throw PlanNotFound(id)));

    private static async Task<Ok<FinancialPlanResponse>> PutFinancialPlan(int id, SaveFinancialPlanRequest request, SaveFinancialPlan handler, FinanceQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(new SaveFinancialPlan.Request(id, request.Version, request.AdoptedBy,
            (request.Lines ?? []).Select(l => new SaveFinancialPlan.Line(l.Kind, l.Category, l.Year, l.Amount)).ToList(),
            (request.Limits ?? []).Select(l => new SaveFinancialPlan.Limit(l.Unit, l.Amount)).ToList()), ct);
        return TypedResults.Ok(ToResponse(await queries.GetFinancialPlanAsync(id, ct) ?? throw PlanNotFound(id)));
    }

    /// <param name="id">The strategic plan.</param>
    /// <param name="version">The financial plan's version last read (required).</param>
    private static async Task<NoContent> DeleteFinancialPlan(int id, int? version, DeleteFinancialPlan handler, CancellationToken ct)
    {
        await handler.HandleAsync(new DeleteFinancialPlan.Request(id, version), ct);
        return TypedResults.NoContent();
    }

    private static BudgetResponse ToResponse(BudgetView b) => new(b.Id, b.Version, b.StartYear, b.EndYear, b.Closed, b.Total, b.Spent, b.ExecutionRate,
        b.Lines.Select(l => new BudgetLineResponse(l.Unit, l.Category, l.Budget, l.Spent, l.ExecutionRate)).ToList());

    private static async Task<Ok<List<BudgetResponse>>> GetBudgets(int id, FinanceQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.GetBudgetsAsync(id, ct) ?? throw PlanNotFound(id)).Select(ToResponse).ToList());

    private static async Task<Ok<BudgetResponse>> PutBudget(int id, int startYear, SaveBudgetRequest request, SaveBudget handler, FinanceQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(new SaveBudget.Request(id, startYear, request.Version,
            (request.Lines ?? []).Select(l => new SaveBudget.Line(l.Unit, l.Category, l.Amount)).ToList(), request.Closed), ct);
        var budgets = await queries.GetBudgetsAsync(id, ct) ?? throw PlanNotFound(id);
        return TypedResults.Ok(ToResponse(budgets.First(b => b.StartYear == startYear)));
    }

    private static async Task<Ok<AttributionResponse>> GetAttribution(int id, FinanceQueries queries, CancellationToken ct)
    {
        var a = await queries.GetAttributionAsync(id, ct) ?? throw PlanNotFound(id);
        var elements = a.Elements.ToDictionary(e => e.Id);
        AttributedElement Element(int elementId, decimal amount)
        {
            var e = elements[elementId];
            return new AttributedElement(e.Id, e.Code, e.Level, e.ParentId, amount);
        }
        var order = a.Elements.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return TypedResults.Ok(new AttributionResponse(a.Plan.Id, a.Plan.Code, a.TotalPlanned, a.TotalAttributed,
            a.Units.Select(u => new UnitAttributionResponse(u.Unit, u.Planned, u.Budgeted, u.Attributed,
                u.ByElement.OrderBy(x => order[x.Key]).Select(x => Element(x.Key, x.Value)).ToList())).ToList(),
            a.ByElement.OrderBy(x => order[x.Key]).Select(x => Element(x.Key, x.Value)).ToList(),
            a.ByTopElement.OrderBy(x => order[x.Key]).Select(x => Element(x.Key, x.Value)).ToList(),
            a.Unattributed,
            new GoalTotalsResponse(a.Goals.LevelCode, a.Goals.TotalToGoals, a.Goals.TotalUnassigned,
                a.Goals.Goals.Select(g => Element(g.Id, a.Goals.ByGoal.GetValueOrDefault(g.Id))).ToList(),
                a.Goals.Unassigned.OrderBy(x => order[x.Key]).Select(x => Element(x.Key, x.Value)).ToList(),
                a.Goals.Shares.OrderBy(x => order.GetValueOrDefault(x.Key)).Select(x => new GoalShareDto(x.Key, x.Value)).ToList(), a.Goals.FinancialPlanVersion)));
    }

    private static async Task<Ok<AttributionResponse>> PutGoalShares(int id, SaveGoalSharesRequest request, SaveGoalShares handler, FinanceQueries queries, CancellationToken ct)
    {
        var shares = (request.Shares ?? []).GroupBy(s => s.ElementId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, decimal>)g.SelectMany(s => s.Goals ?? new Dictionary<int, decimal>()).GroupBy(x => x.Key).ToDictionary(x => x.Key, x => x.Last().Value));
        await handler.HandleAsync(new SaveGoalShares.Request(id, request.Version, shares), ct);
        return await GetAttribution(id, queries, ct);
    }

    private static async Task<Ok<List<UnitKeysResponse>>> GetKeys(int id, FinanceQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.GetKeysAsync(id, ct) ?? throw PlanNotFound(id))
            .Select(k => new UnitKeysResponse(k.Unit, k.Version, k.Method, k.Shares, k.Total)).ToList());

    private static async Task<Ok<UnitKeysResponse>> PutKeys(int id, string unit, SaveKeysRequest request, SaveAttributionKeys handler, FinanceQueries queries, CancellationToken ct)
    {
        var saved = await handler.HandleAsync(new SaveAttributionKeys.Request(id, unit, request.Version, request.Method, request.Shares ?? new Dictionary<int, decimal>()), ct);
        var k = (await queries.GetKeysAsync(id, ct) ?? throw PlanNotFound(id)).First(x => x.Unit == saved.Unit);
        return TypedResults.Ok(new UnitKeysResponse(k.Unit, k.Version, k.Method, k.Shares, k.Total));
    }

    private static async Task<NoContent> DeleteKeys(int id, string unit, DeleteAttributionKeys handler, CancellationToken ct)
    {
        await handler.HandleAsync(new DeleteAttributionKeys.Request(id, unit), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CoherenceResponse>> GetCoherence(int id, CoherenceQueries coherence, CancellationToken ct)
    {
        var report = await coherence.CheckAsync(id, ct) ?? throw PlanNotFound(id);
        return TypedResults.Ok(new CoherenceResponse(report.Plan.Id, report.Plan.Code, report.OperationalPlans.Select(p => p.Code).ToList(), report.IndicatorChecksRun,
            report.Findings.Select(f => new CoherenceFindingResponse(f.Check, CoherenceQueries.Describe(f), f.Fix, CoherenceQueries.FixPath(f), f.ElementId, f.ElementCode,
                f.Unit, f.Year, f.EndYear, f.Expected, f.Actual)).ToList()));
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static async Task<Ok<ExpenditurePreviewResponse>> PreviewExpenditure(HttpRequest request, int? plan, ImportExpenditure handler, Core.Data.CadreDbContext db, CancellationToken ct)
    {
        FinancePermissions.EnsureCanEdit(db.Actor);
        var preview = await handler.PreviewAsync(await ReadBodyAsync(request, ct), plan, ct);
        return TypedResults.Ok(new ExpenditurePreviewResponse(preview.IsValid, preview.Total, preview.FileErrors,
            preview.Rows.Select(r => new ExpenditureRowResponse(r.Line, r.Year, r.Unit, r.Category, r.Amount, r.Description, r.Errors)).ToList()));
    }

    private static async Task<Ok<ExpenditureImportResponse>> PostExpenditure(HttpRequest request, int? plan, ImportExpenditure handler, Core.Data.CadreDbContext db, CancellationToken ct)
    {
        FinancePermissions.EnsureCanEdit(db.Actor);
        return TypedResults.Ok(new ExpenditureImportResponse(await handler.HandleAsync(await ReadBodyAsync(request, ct), plan, ct)));
    }

    private static RiskItemResponse ToResponse(RiskView r) => new(r.Id, r.Version, r.PlanId, r.ElementId, r.ElementCode, r.Code, r.Title.ToDictionary(), r.Category,
        r.Cause.ToDictionary(), r.Consequence.ToDictionary(), r.Likelihood, r.Impact, r.Score, r.Owner, r.Response, r.Actions.ToDictionary(), r.Status, r.NextReviewUtc,
        r.History.Select(h => new RiskAssessmentResponse(h.AtUtc, h.AssessedBy, h.Likelihood, h.Impact, h.Score, h.Status, h.Note)).ToList());

    private static async Task<Ok<List<RiskItemResponse>>> GetRisks(int id, FinanceQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.ListRisksAsync(id, ct) ?? throw PlanNotFound(id)).Select(ToResponse).ToList());

    private static async Task<Ok<RiskItemResponse>> GetRisk(int id, FinanceQueries queries, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await queries.GetRiskAsync(id, ct) ?? throw new NotFoundException(Messages.Format("Finance.Error.NoRisk", id))));

    private static SaveRisk.Request ToRequest(int? riskId, int planId, SaveRiskRequest r) => new(riskId, planId, r.Version, r.ElementId, r.Code, r.Title, r.Category,
        r.Cause, r.Consequence, r.Likelihood, r.Impact, r.Owner, r.Response, r.Actions, r.Status, r.NextReviewUtc, r.Note);

    private static async Task<Created<RiskItemResponse>> PostRisk(int id, SaveRiskRequest request, SaveRisk handler, FinanceQueries queries, CancellationToken ct)
    {
        var risk = await handler.HandleAsync(ToRequest(null, id, request), ct);
        return TypedResults.Created($"/api/v1/risks/{risk.Id}", ToResponse((await queries.GetRiskAsync(risk.Id, ct))!));
    }

    private static async Task<Ok<RiskItemResponse>> PutRisk(int id, SaveRiskRequest request, SaveRisk handler, FinanceQueries queries, CancellationToken ct)
    {
        var risk = await handler.HandleAsync(ToRequest(id, 0, request), ct);
        return TypedResults.Ok(ToResponse((await queries.GetRiskAsync(risk.Id, ct))!));
    }

    /// <param name="id">The risk.</param>
    /// <param name="version">The version last read.</param>
    private static async Task<NoContent> DeleteRisk(int id, int? version, DeleteRisk handler, CancellationToken ct)
    {
        await handler.HandleAsync(new DeleteRisk.Request(id, version), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<OutputResourceResponse>>> GetResources(int id, FinanceQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.GetOperationalResourcesAsync(id, ct) ?? throw PlanNotFound(id))
            .Select(r => new OutputResourceResponse(r.ElementId, r.Code, r.Level, r.ParentId, r.ResponsibleUnit, r.Amount, r.StaffDays, r.ResourceVersion, r.Contributes)).ToList());

    private static async Task<Ok<OutputResourceResponse>> PutResource(int id, SaveOutputResourceRequest request, SaveOutputResource handler, FinanceQueries queries,
        Core.Data.CadreDbContext db, CancellationToken ct)
    {
        await handler.HandleAsync(new SaveOutputResource.Request(id, request.Version, request.ResponsibleUnit, request.Amount, request.StaffDays), ct);
        var planId = db.PlanElements.Where(e => e.Id == id).Select(e => e.PlanId).First();
        var r = (await queries.GetOperationalResourcesAsync(planId, ct))!.First(x => x.ElementId == id);
        return TypedResults.Ok(new OutputResourceResponse(r.ElementId, r.Code, r.Level, r.ParentId, r.ResponsibleUnit, r.Amount, r.StaffDays, r.ResourceVersion, r.Contributes));
    }

    private static async Task<Created<RolledForwardResponse>> PostRollForward(int id, RollForwardRequest request, RollForwardOperationalPlan handler, CancellationToken ct)
    {
        var plan = await handler.HandleAsync(new RollForwardOperationalPlan.Request(id, request.NewCode), ct);
        return TypedResults.Created($"/api/v1/plans/{plan.Id}", new RolledForwardResponse(plan.Id, plan.Code, plan.StartYear, plan.EndYear, plan.PreviousPlanId ?? id));
    }
}

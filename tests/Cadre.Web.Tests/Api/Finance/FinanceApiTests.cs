using System.Net;
using System.Net.Http.Json;
using System.Text;
using Cadre.Core.Finance;
using Cadre.Core.Identity;
using Cadre.Web.Api.Finance;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Api.Finance;

/// <summary>The Finance API on a fresh database (SQLite, or PostgreSQL with CADRE_TEST_PROVIDER=Postgres).</summary>
public sealed class FinanceApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    public static SaveRiskRequest RiskRequest(int elementId, string code, int likelihood = 3, int impact = 4) => new(null, elementId, code,
        new() { ["en"] = "Funding shortfall", ["fr"] = "Manque de financement" }, RiskCategory.Financial,
        new() { ["en"] = "Contributions fall", ["fr"] = "Les contributions baissent" }, new() { ["en"] = "Fewer projects" },
        likelihood, impact, "Chief of finance", Core.Finance.RiskResponse.Reduce, new() { ["en"] = "Broaden the donor base", ["fr"] = "Élargir la base des donateurs" }, RiskStatus.Open, new DateTime(2027, 3, 31, 0, 0, 0, DateTimeKind.Utc), null);

    private static List<FinancialPlanLineDto> Lines(decimal revenuePerYear, decimal gsPerYear, decimal itudPerYear) =>
    [
        .. Enumerable.Range(2024, 4).Select(y => new FinancialPlanLineDto(LineKind.Revenue, "memberStates", y, revenuePerYear)),
        .. Enumerable.Range(2024, 4).Select(y => new FinancialPlanLineDto(LineKind.Expense, "GS", y, gsPerYear)),
        .. Enumerable.Range(2024, 4).Select(y => new FinancialPlanLineDto(LineKind.Expense, "itu-d", y, itudPerYear)),
    ];

    /// <summary>A draft strategic plan with two outcomes, a financial plan balanced at CHF 100 a year, and its budgets.</summary>
    private async Task<(int Plan, int Outcome1, int Outcome2)> PlanWithFinanceAsync(string code)
    {
        var planner = await App.PlannerAsync();
        var plan = await App.CreatePlanAsync(code);
        var priority = await App.CreateElementAsync(plan.Id, "priority", "TP1");
        var o1 = await App.CreateElementAsync(plan.Id, "outcome", "TP1.O1", priority.Id);
        var o2 = await App.CreateElementAsync(plan.Id, "outcome", "TP1.O2", priority.Id);
        await Rest.ReadAsync<FinancialPlanResponse>(await planner.PutAsJsonAsync($"/api/v1/plans/{plan.Id}/financial-plan",
            new SaveFinancialPlanRequest(null, "Decision 5", Lines(100m, 60m, 40m), [new FinancialLimitDto(null, 400m)]), Rest.Json, Ct));
        foreach (var start in new[] { 2024, 2026 })
        {
            await Rest.ReadAsync<BudgetResponse>(await planner.PutAsJsonAsync($"/api/v1/plans/{plan.Id}/budgets/{start}",
                new SaveBudgetRequest(null, [new BudgetLineDto("GS", CostCategory.Staff, 100m), new BudgetLineDto("GS", CostCategory.NonStaff, 20m),
                    new BudgetLineDto("ITU-D", CostCategory.Staff, 80m)], start == 2024), Rest.Json, Ct));
        }
        return (plan.Id, o1.Id, o2.Id);
    }

    [Fact]
    public async Task A_planner_enters_the_financial_plan_and_sees_each_biennium_balanced_in_exact_francs()
    {
        var (planId, _, _) = await PlanWithFinanceAsync("FIN-BAL");
        var planner = await App.PlannerAsync();
        var fp = await Rest.ReadAsync<FinancialPlanResponse>(await planner.GetAsync($"/api/v1/plans/{planId}/financial-plan", Ct));
        Assert.True(fp.Exists);
        Assert.Equal(12, fp.Lines.Count);
        Assert.Contains(fp.Lines, l => l.Category == "MemberStates" && l.Kind == LineKind.Revenue);
        Assert.Contains(fp.Lines, l => l.Category == "ITU-D");
        Assert.All(fp.Bienniums, b => Assert.Equal(0m, b.Balance));

        // A change of one centime unbalances the second biennium, and the API says so.
        var lines = Lines(100m, 60m, 40m);
        lines[^1] = lines[^1] with { Amount = 40.01m };
        var changed = await Rest.ReadAsync<FinancialPlanResponse>(await planner.PutAsJsonAsync($"/api/v1/plans/{planId}/financial-plan",
            new SaveFinancialPlanRequest(fp.Version, "Decision 5", lines, []), Rest.Json, Ct));
        Assert.Equal(-0.01m, changed.Bienniums[1].Balance);
        Assert.Empty(changed.Limits);
        await using var db = App.NewDbContext();
        var financialPlanId = await db.FinancialPlans.Where(f => f.PlanId == planId).Select(f => f.Id).SingleAsync(Ct);
        Assert.Equal(40.01m, await db.FinancialPlanLines.Where(l => l.FinancialPlanId == financialPlanId && l.Year == 2027 && l.Category == "ITU-D").Select(l => l.Amount).SingleAsync(Ct));
    }

    [Fact]
    public async Task Attribution_splits_each_unit_exactly_and_the_coherence_checks_find_and_forget_a_gap()
    {
        var (planId, o1, o2) = await PlanWithFinanceAsync("FIN-ATT");
        var planner = await App.PlannerAsync();
        await Rest.ReadAsync<UnitKeysResponse>(await planner.PutAsJsonAsync($"/api/v1/plans/{planId}/attribution-keys/GS",
            new SaveKeysRequest(null, AttributionMethod.Percentage, new Dictionary<int, decimal> { [o1] = 33.33m, [o2] = 66.67m }), Rest.Json, Ct));
        await Rest.ReadAsync<UnitKeysResponse>(await planner.PutAsJsonAsync($"/api/v1/plans/{planId}/attribution-keys/ITU-D",
            new SaveKeysRequest(null, AttributionMethod.Driver, new Dictionary<int, decimal> { [o1] = 1, [o2] = 2 }), Rest.Json, Ct));

        var attribution = await Rest.ReadAsync<AttributionResponse>(await planner.GetAsync($"/api/v1/plans/{planId}/attribution", Ct));
        var gs = attribution.Units.Single(u => u.Unit == "GS");
        Assert.Equal(240m, gs.Planned);
        Assert.Equal(240m, gs.Elements.Sum(e => e.Amount));
        Assert.Equal(79.99m, gs.Elements.Single(e => e.ElementId == o1).Amount);
        var itud = attribution.Units.Single(u => u.Unit == "ITU-D");
        Assert.Equal([53.33m, 106.67m], itud.Elements.Select(e => e.Amount));
        Assert.Equal(400m, Assert.Single(attribution.ByTopElement).Amount);

        var coherence = await Rest.ReadAsync<CoherenceResponse>(await planner.GetAsync($"/api/v1/plans/{planId}/coherence", Ct));
        // The Results area tells the checks which elements have indicators (none in this plan), so they run.
        Assert.True(coherence.IndicatorChecksRun);
        Assert.DoesNotContain(coherence.Findings, f => f.Check == CoherenceCheck.IndicatorsWithoutResources);
        // Budgets: GS 240 = attributed 240; ITU-D 160 = 160. Nothing operational supports the outcomes.
        Assert.DoesNotContain(coherence.Findings, f => f.Check == CoherenceCheck.AttributionDiffersFromBudget);
        var gap = Assert.Single(coherence.Findings, f => f.Check == CoherenceCheck.OutcomeNotSupported && f.ElementId == o1);
        Assert.Equal($"/Planning/Elements/{o1}", gap.Href);
        Assert.Contains("TP1.O1", gap.Message, StringComparison.Ordinal);

        // Removing ITU-D's keys leaves its money unattributed: the check now names it, with a link to its keys.
        await Rest.ExpectStatusAsync(await planner.DeleteAsync($"/api/v1/plans/{planId}/attribution-keys/ITU-D", Ct), HttpStatusCode.NoContent);
        coherence = await Rest.ReadAsync<CoherenceResponse>(await planner.GetAsync($"/api/v1/plans/{planId}/coherence", Ct));
        var unit = Assert.Single(coherence.Findings, f => f.Check == CoherenceCheck.AttributionDiffersFromBudget);
        Assert.Equal(("ITU-D", $"/Finance/Plans/{planId}/Keys/ITU-D"), (unit.Unit, unit.Href));
    }

    [Fact]
    public async Task Bad_financial_input_gets_field_errors_and_stores_nothing()
    {
        var (planId, o1, o2) = await PlanWithFinanceAsync("FIN-BAD");
        var planner = await App.PlannerAsync();
        await using var db = App.NewDbContext();
        var before = await db.FinancialPlanLines.CountAsync(Ct) + await db.BudgetLines.CountAsync(Ct) + await db.UnitAttributions.CountAsync(Ct);
        var fp = await Rest.ReadAsync<FinancialPlanResponse>(await planner.GetAsync($"/api/v1/plans/{planId}/financial-plan", Ct));

        var negative = await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/plans/{planId}/financial-plan", new SaveFinancialPlanRequest(fp.Version, null,
            [new FinancialPlanLineDto(LineKind.Expense, "GS", 2024, -5m), new FinancialPlanLineDto(LineKind.Expense, "ITU-X", 2024, 5m),
             new FinancialPlanLineDto(LineKind.Revenue, "gifts", 2031, 1.001m)], []), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("lines[0].amount", negative.Errors.Keys);
        Assert.Contains("lines[1].category", negative.Errors.Keys);
        Assert.Contains("lines[2].category", negative.Errors.Keys);
        Assert.Contains("lines[2].year", negative.Errors.Keys);
        Assert.Contains("lines[2].amount", negative.Errors.Keys);

        var percent = await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/plans/{planId}/attribution-keys/GS",
            new SaveKeysRequest(null, AttributionMethod.Percentage, new Dictionary<int, decimal> { [o1] = 33.3m, [o2] = 66.6m }), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("99.9", percent.Errors["shares"][0], StringComparison.Ordinal);
        var unknown = await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/plans/{planId}/attribution-keys/GS",
            new SaveKeysRequest(null, AttributionMethod.Percentage, new Dictionary<int, decimal> { [999_999] = 100m }), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("shares[999999]", unknown.Errors.Keys);
        await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/plans/{planId}/attribution-keys/ITU-X",
            new SaveKeysRequest(null, AttributionMethod.Percentage, new Dictionary<int, decimal> { [o1] = 100m }), Rest.Json, Ct), HttpStatusCode.BadRequest);
        var budget = await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/plans/{planId}/budgets/2026",
            new SaveBudgetRequest(null, [new BudgetLineDto("GS", CostCategory.Staff, -1m)], false), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("lines[0].amount", budget.Errors.Keys);

        // Not a Planner: refused, nothing stored.
        var reporter = await App.ClientAsAsync(Roles.Reporter);
        await Rest.ProblemAsync(await reporter.PutAsJsonAsync($"/api/v1/plans/{planId}/budgets/2026",
            new SaveBudgetRequest(null, [new BudgetLineDto("GS", CostCategory.Staff, 1m)], false), Rest.Json, Ct), HttpStatusCode.Forbidden);

        await using var after = App.NewDbContext();
        Assert.Equal(before, await after.FinancialPlanLines.CountAsync(Ct) + await after.BudgetLines.CountAsync(Ct) + await after.UnitAttributions.CountAsync(Ct));
        Assert.Equal(100m, (await after.BudgetLines.Where(l => l.Unit == "GS" && l.Category == CostCategory.Staff).ToListAsync(Ct)).Max(l => l.Amount));
    }

    private async Task<int> CountPlansWithBudgetsAsync()
    {
        await using var db = App.NewDbContext();
        return await db.Budgets.Select(b => b.FinancialPlanId).Distinct().CountAsync(Ct);
    }

    private static ByteArrayContent Csv(string text) => new(Encoding.UTF8.GetBytes(text)) { Headers = { ContentType = new("text/csv") } };

    [Fact]
    public async Task Expenditure_is_previewed_row_by_row_and_imported_all_or_nothing_never_into_a_closed_biennium()
    {
        var (planId, _, _) = await PlanWithFinanceAsync("FIN-EXP");
        var planner = await App.PlannerAsync();
        const string bad = "year,unit,category,amount,description\n2026,GS,staff,10.50,Salaries\n2024,GS,staff,5,Closed year\n2026,ITU-X,staff,1,\n2026,ITU-D,travel,-3,\n";
        var preview = await Rest.ReadAsync<ExpenditurePreviewResponse>(await planner.PostAsync($"/api/v1/expenditure/preview?plan={planId}", Csv(bad), Ct));
        Assert.False(preview.Valid);
        Assert.Equal([2, 3, 4, 5], preview.Rows.Select(r => r.Line));
        Assert.Empty(preview.Rows[0].Errors);
        Assert.Contains("closed", preview.Rows[1].Errors[0], StringComparison.OrdinalIgnoreCase);
        Assert.Single(preview.Rows[2].Errors);
        Assert.Equal(2, preview.Rows[3].Errors.Count);

        var refused = await Rest.ProblemAsync(await planner.PostAsync($"/api/v1/expenditure/import?plan={planId}", Csv(bad), Ct), HttpStatusCode.BadRequest);
        Assert.Equal(["rows[3]", "rows[4]", "rows[5]"], refused.Errors.Keys.Order(StringComparer.Ordinal));
        await using (var db = App.NewDbContext()) Assert.Equal(0, await db.Expenditures.CountAsync(Ct));
        // Without a plan, several test plans have budgets for 2026: the rows say so rather than guess.
        var ambiguous = await Rest.ReadAsync<ExpenditurePreviewResponse>(await planner.PostAsync("/api/v1/expenditure/preview", Csv("year,unit,category,amount\n2026,GS,staff,1\n"), Ct));
        Assert.True(ambiguous.Valid == (await CountPlansWithBudgetsAsync() == 1));

        var imported = await Rest.ReadAsync<ExpenditureImportResponse>(await planner.PostAsync($"/api/v1/expenditure/import?plan={planId}",
            Csv("Year,Unit,Category,Amount,Description\n2026,GS,staff,60.00,Salaries\n2027,itu-d,non-staff,20.25,Missions\n"), Ct));
        Assert.Equal(2, imported.Imported);
        var budgets = await Rest.ReadAsync<List<BudgetResponse>>(await planner.GetAsync($"/api/v1/plans/{planId}/budgets", Ct));
        var open = budgets.Single(b => b.StartYear == 2026);
        Assert.Equal(80.25m, open.Spent);
        Assert.Equal(60.0m, open.Lines.Single(l => l.Unit == "GS" && l.Category == CostCategory.Staff).ExecutionRate);

        var garbage = await Rest.ReadAsync<ExpenditurePreviewResponse>(await planner.PostAsync("/api/v1/expenditure/preview",
            new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), Ct));
        Assert.False(garbage.Valid);
        Assert.Single(garbage.FileErrors);
    }

    [Fact]
    public async Task Risks_keep_every_assessment_and_are_hidden_from_delegates_and_the_public()
    {
        var (planId, o1, _) = await PlanWithFinanceAsync("FIN-RISK");
        var planner = await App.PlannerAsync();
        var risk = await Rest.ReadAsync<RiskItemResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{planId}/risks", RiskRequest(o1, "R-01", 3, 4), Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal(12, risk.Score);
        Assert.Single(risk.History);
        var changed = await Rest.ReadAsync<RiskItemResponse>(await planner.PutAsJsonAsync($"/api/v1/risks/{risk.Id}",
            RiskRequest(o1, "R-01", 5, 4) with { Version = risk.Version, Note = "Two donors withdrew" }, Rest.Json, Ct));
        Assert.Equal(20, changed.Score);
        Assert.Equal([20, 12], changed.History.Select(h => h.Score));
        Assert.Equal("Two donors withdrew", changed.History[0].Note);
        Assert.Equal("Les contributions baissent", changed.Cause["fr"]);
        Assert.Equal("Élargir la base des donateurs", changed.Actions["fr"]);

        // The texts are per language: a change in one language keeps the others; an empty text removes its language.
        var french = await Rest.ReadAsync<RiskItemResponse>(await planner.PutAsJsonAsync($"/api/v1/risks/{risk.Id}",
            RiskRequest(o1, "R-01", 5, 4) with
            {
                Version = changed.Version, Cause = null, Consequence = new() { ["fr"] = "Moins de projets" },
                Actions = new() { ["fr"] = "Partenariats", ["en"] = "" },
            }, Rest.Json, Ct));
        Assert.Equal(changed.Cause, french.Cause);
        Assert.Equal(new Dictionary<string, string> { ["en"] = "Fewer projects", ["fr"] = "Moins de projets" }, french.Consequence);
        Assert.Equal(new Dictionary<string, string> { ["fr"] = "Partenariats" }, french.Actions);
        var noCause = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/plans/{planId}/risks",
            RiskRequest(o1, "R-03") with { Cause = new() { ["en"] = " " }, Consequence = null, Actions = new() { ["xx"] = "?" } }, Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("cause", noCause.Errors.Keys);
        Assert.Contains("consequence", noCause.Errors.Keys);
        Assert.Contains("actions", noCause.Errors.Keys);

        var bad = await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/plans/{planId}/risks", RiskRequest(o1, "R-02", 0, 6) with { Owner = "" }, Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("likelihood", bad.Errors.Keys);
        Assert.Contains("impact", bad.Errors.Keys);
        Assert.Contains("owner", bad.Errors.Keys);
        await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/risks/{risk.Id}", RiskRequest(o1, "R-01", 1, 1) with { Version = risk.Version }, Rest.Json, Ct), HttpStatusCode.Conflict);
        await using (var db = App.NewDbContext()) Assert.False(await db.Risks.AnyAsync(r => r.Code == "R-03", Ct));

        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "FRA");
        await Rest.ProblemAsync(await delegateClient.GetAsync($"/api/v1/risks/{risk.Id}", Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await App.AnonymousClient().GetAsync($"/api/v1/plans/{planId}/risks", Ct), HttpStatusCode.NotFound);
        var councillor = await App.ClientAsAsync(Roles.Councillor);
        Assert.Single(await Rest.ReadAsync<List<RiskItemResponse>>(await councillor.GetAsync($"/api/v1/plans/{planId}/risks", Ct)));
    }

    [Fact]
    public async Task An_operational_plan_rolls_forward_with_its_resources_once()
    {
        var planner = await App.PlannerAsync();
        var op = await Rest.ReadAsync<Cadre.Web.Api.Planning.PlanResponse>(await planner.PostAsJsonAsync("/api/v1/plans",
            new Cadre.Web.Api.Planning.CreatePlanRequest(Core.Planning.PlanKind.Operational, "OP-2025-2028", new() { ["en"] = "Operational plan" }, null, 2025, 2028, "en", "operational", "ITU-D"),
            Rest.Json, Ct), HttpStatusCode.Created);
        var output = await App.CreateElementAsync(op.Id, "output", "O1");
        var resource = await Rest.ReadAsync<OutputResourceResponse>(await planner.PutAsJsonAsync($"/api/v1/elements/{output.Id}/resources",
            new SaveOutputResourceRequest(null, "itu-d", 1500.50m, 12m), Rest.Json, Ct));
        Assert.Equal("ITU-D", resource.ResponsibleUnit);
        await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/elements/{output.Id}/resources",
            new SaveOutputResourceRequest(resource.Version, "ITU-D", -1m, 0m), Rest.Json, Ct), HttpStatusCode.BadRequest);

        var next = await Rest.ReadAsync<RolledForwardResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{op.Id}/roll-forward", new RollForwardRequest(null), Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal(("OP-2026-2029", 2026, 2029, op.Id), (next.Code, next.StartYear, next.EndYear, next.PreviousPlanId));
        var copied = await Rest.ReadAsync<List<OutputResourceResponse>>(await planner.GetAsync($"/api/v1/plans/{next.Id}/operational-resources", Ct));
        Assert.Equal((1500.50m, "ITU-D"), (Assert.Single(copied).Amount, copied[0].ResponsibleUnit!));
        await Rest.ProblemAsync(await planner.PostAsJsonAsync($"/api/v1/plans/{op.Id}/roll-forward", new RollForwardRequest(null), Rest.Json, Ct), HttpStatusCode.BadRequest);
    }
}

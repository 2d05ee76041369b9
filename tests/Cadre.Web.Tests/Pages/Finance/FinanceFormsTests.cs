using System.Net;
using System.Net.Http.Json;
using Cadre.Core.Finance;
using Cadre.Core.Identity;
using Cadre.Web.Api.Finance;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cadre.Web.Tests.Identity.IdentityTestSupport;

namespace Cadre.Web.Tests.Pages.Finance;

/// <summary>
/// The Finance forms (financial plan, budget, goal shares, risks, output resources), posted as a browser
/// posts them, on SQLite or PostgreSQL: a Planner's valid input is stored exactly; bad input gives field
/// errors and stores nothing; other roles are refused; a stale form is refused with a message.
/// </summary>
public sealed class FinanceFormsTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private async Task<(int Plan, int Goal1, int Goal2, int Priority, int Outcome)> StrategicPlanAsync(string code)
    {
        var plan = await App.CreatePlanAsync(code);
        var goal1 = await App.CreateElementAsync(plan.Id, "goal", "1");
        var goal2 = await App.CreateElementAsync(plan.Id, "goal", "2");
        var priority = await App.CreateElementAsync(plan.Id, "priority", "TP1");
        var outcome = await App.CreateElementAsync(plan.Id, "outcome", "TP1.O1", priority.Id);
        return (plan.Id, goal1.Id, goal2.Id, priority.Id, outcome.Id);
    }

    private async Task<HttpClient> SignedInAsync(string role) => await App.SignedInClientAsync(await App.CreateUserWithPasswordAsync(role));

    private static Dictionary<string, string> PlanForm(decimal revenueK, decimal gsK, string? version = null)
    {
        var form = new Dictionary<string, string> { ["AdoptedBy"] = "Decision 5" };
        if (version is not null) form["Version"] = version;
        for (var y = 2024; y <= 2027; y++)
        {
            form[$"Rev.MemberStates.{y}"] = revenueK.ToString(System.Globalization.CultureInfo.InvariantCulture);
            form[$"Exp.GS.{y}"] = gsK.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        form["Limit.all"] = "500";
        return form;
    }

    private async Task<int> LineCountAsync(int planId)
    {
        await using var db = App.NewDbContext();
        return await db.FinancialPlanLines.CountAsync(l => db.FinancialPlans.Any(f => f.Id == l.FinancialPlanId && f.PlanId == planId), Ct);
    }

    [Fact]
    public async Task The_financial_plan_form_stores_exact_francs_refuses_bad_amounts_and_stale_forms_and_other_roles()
    {
        var (planId, _, _, _, _) = await StrategicPlanAsync("FORM-FP");
        var planner = await SignedInAsync(Roles.Planner);
        var url = $"/Finance/Plans/{planId}/Edit";

        // Bad input: a negative amount and text; field errors linked to their cells, nothing stored.
        var bad = PlanForm(100, 60);
        bad["Exp.GS.2025"] = "-5";
        bad["Rev.MemberStates.2026"] = "abc";
        var response = await PostFormAsync(planner, url, url, bad);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Rev_MemberStates_2026\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await LineCountAsync(planId));
        bad["Rev.MemberStates.2026"] = "100";
        html = await (await PostFormAsync(planner, url, url, bad)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("href=\"#Exp_GS_2025\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await LineCountAsync(planId));

        // Good input in thousands with a French decimal comma: stored to the centime.
        var good = PlanForm(100, 60);
        good["Exp.GS.2027"] = "60,00001";
        response = await PostFormAsync(planner, url, url, good);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var fp = await Rest.ReadAsync<FinancialPlanResponse>(await (await App.PlannerAsync()).GetAsync($"/api/v1/plans/{planId}/financial-plan", Ct));
        Assert.Equal(8, fp.Lines.Count);
        Assert.Equal(60_000.01m, fp.Lines.Single(l => l.Category == "GS" && l.Year == 2027).Amount);
        Assert.Equal(500_000m, Assert.Single(fp.Limits).Amount);

        // A stale form (an older version) is refused with a message, and the stored plan is unchanged.
        var stale = PlanForm(1, 1, (fp.Version - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        response = await PostFormAsync(planner, url, url, stale);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("alert-danger", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var after = await Rest.ReadAsync<FinancialPlanResponse>(await (await App.PlannerAsync()).GetAsync($"/api/v1/plans/{planId}/financial-plan", Ct));
        Assert.Equal(fp.Version, after.Version);

        // A Reporter is refused the page and the post.
        var reporter = await SignedInAsync(Roles.Reporter);
        Assert.Contains((await reporter.GetAsync(url, Ct)).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
        response = await PostFormAsync(reporter, "/Finance", url, PlanForm(1, 1));
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
        Assert.Equal(8, await LineCountAsync(planId));

        // Deleting asks first, then deletes.
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync($"/Finance/Plans/{planId}/Delete", Ct)).StatusCode);
        response = await PostFormAsync(planner, $"/Finance/Plans/{planId}/Delete", $"/Finance/Plans/{planId}/Delete",
            new() { ["Version"] = after.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await LineCountAsync(planId));
    }

    [Fact]
    public async Task The_budget_form_refuses_negative_amounts_and_stores_a_valid_budget()
    {
        var (planId, _, _, _, _) = await StrategicPlanAsync("FORM-BUD");
        var planner = await SignedInAsync(Roles.Planner);
        await PostFormAsync(planner, $"/Finance/Plans/{planId}/Edit", $"/Finance/Plans/{planId}/Edit", PlanForm(100, 60));
        var url = $"/Finance/Plans/{planId}/Budgets/2026/Edit";
        var response = await PostFormAsync(planner, url, url, new() { ["Line.GS.Staff"] = "90", ["Line.ITU-D.NonStaff"] = "-1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Line_ITU-D_NonStaff\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using (var db = App.NewDbContext()) Assert.False(await db.Budgets.AnyAsync(b => db.FinancialPlans.Any(f => f.Id == b.FinancialPlanId && f.PlanId == planId), Ct));

        response = await PostFormAsync(planner, url, url, new() { ["Line.GS.Staff"] = "90", ["Line.GS.NonStaff"] = "30,5", ["Closed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var budgets = await Rest.ReadAsync<List<BudgetResponse>>(await (await App.PlannerAsync()).GetAsync($"/api/v1/plans/{planId}/budgets", Ct));
        var budget = budgets.Single(b => b.StartYear == 2026);
        Assert.True(budget.Closed);
        Assert.Equal(120_500m, budget.Total);
    }

    [Fact]
    public async Task Goal_shares_must_total_100_and_then_every_franc_is_attributed_to_a_goal_exactly()
    {
        var (planId, goal1, goal2, priority, outcome) = await StrategicPlanAsync("FORM-GOAL");
        var planner = await SignedInAsync(Roles.Planner);
        // Revenue 100 and GS 100.001 thousand a year: the keys split CHF 400,004 over a goal and an outcome.
        var form = PlanForm(100, 100.001m);
        await PostFormAsync(planner, $"/Finance/Plans/{planId}/Edit", $"/Finance/Plans/{planId}/Edit", form);
        var api = await App.PlannerAsync();
        (await api.PutAsJsonAsync($"/api/v1/plans/{planId}/attribution-keys/GS",
            new SaveKeysRequest(null, AttributionMethod.Percentage, new Dictionary<int, decimal> { [goal1] = 33.3m, [outcome] = 66.7m }), Rest.Json, Ct)).EnsureSuccessStatusCode();

        var before = await Rest.ReadAsync<AttributionResponse>(await api.GetAsync($"/api/v1/plans/{planId}/attribution", Ct));
        Assert.Equal(before.TotalAttributed, before.ByGoal.TotalToGoals + before.ByGoal.TotalUnassigned);
        Assert.Equal(priority, Assert.Single(before.ByGoal.Unassigned).ElementId);

        var url = $"/Finance/Plans/{planId}/Goals";
        string html;
        var version = before.ByGoal.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await PostFormAsync(planner, url, url, new() { ["Version"] = version, [$"Share.{priority}.{goal1}"] = "30", [$"Share.{priority}.{goal2}"] = "60" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(html.Contains($"href=\"#Share_{priority}_{goal1}\"", StringComparison.Ordinal), html[(html.IndexOf("<main", StringComparison.Ordinal) is var m and >= 0 ? m : 0)..]);
        await using (var db = App.NewDbContext()) Assert.Equal(0, await db.GoalShares.CountAsync(g => g.ElementId == priority, Ct));

        response = await PostFormAsync(planner, url, url, new() { ["Version"] = version, [$"Share.{priority}.{goal1}"] = "30", [$"Share.{priority}.{goal2}"] = "70" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await Rest.ReadAsync<AttributionResponse>(await api.GetAsync($"/api/v1/plans/{planId}/attribution", Ct));
        Assert.Empty(after.ByGoal.Unassigned);
        Assert.Equal(after.TotalAttributed, after.ByGoal.TotalToGoals);
        Assert.Equal(after.TotalPlanned, after.ByGoal.TotalToGoals);
        var outcomeAmount = after.ByElement.Single(e => e.ElementId == outcome).Amount;
        var goal2Amount = after.ByGoal.Goals.Single(g => g.ElementId == goal2).Amount;
        Assert.True(Math.Abs(outcomeAmount * 0.7m - goal2Amount) <= 0.01m, $"{goal2Amount} is not 70% of {outcomeAmount}");

        // The page shows the totals per goal with their chart, and the CLI-like API shape agrees.
        var page = await (await planner.GetAsync($"/Finance/Plans/{planId}/Attribution", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"goal-totals\"", page, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/svg", page, StringComparison.Ordinal);

        // A Reporter may not change the shares through the API.
        var reporter = await App.ClientAsAsync(Roles.Reporter);
        var refused = await reporter.PutAsJsonAsync($"/api/v1/plans/{planId}/goal-shares", new SaveGoalSharesRequest(null, []), Rest.Json, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        // Shares on an element that is not a top-level priority or enabler are refused with a field error.
        var wrong = await api.PutAsJsonAsync($"/api/v1/plans/{planId}/goal-shares",
            new SaveGoalSharesRequest(after.ByGoal.Version, [new GoalShareDto(outcome, new Dictionary<int, decimal> { [goal1] = 100m })]), Rest.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        await using (var db = App.NewDbContext()) Assert.Equal(2, await db.GoalShares.CountAsync(g => g.FinancialPlanId == db.FinancialPlans.Single(f => f.PlanId == planId).Id, Ct));
    }

    [Fact]
    public async Task A_risk_is_created_reassessed_and_deleted_through_the_forms_and_bad_input_stores_nothing()
    {
        var (planId, goal1, _, _, _) = await StrategicPlanAsync("FORM-RISK");
        var planner = await SignedInAsync(Roles.Planner);
        var create = $"/Finance/Plans/{planId}/Risks/Create";
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = "R-9", ["Input.TitleEn"] = "Funding shortfall", ["Input.TitleFr"] = "Manque de financement", ["Input.ElementId"] = goal1.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Category"] = "Financial", ["Input.CauseEn"] = "Contributions fall", ["Input.CauseFr"] = "Les contributions baissent", ["Input.ConsequenceEn"] = "Fewer projects", ["Input.Likelihood"] = "7",
            ["Input.Impact"] = "4", ["Input.Owner"] = "Chief of finance", ["Input.Response"] = "Reduce", ["Input.ActionsEn"] = "Broaden the donor base", ["Input.ActionsFr"] = "Élargir la base des donateurs",
            ["Input.Status"] = "Open", ["Input.NextReview"] = "2027-03-31",
        };
        var response = await PostFormAsync(planner, create, create, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Input_Likelihood\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using (var db = App.NewDbContext()) Assert.False(await db.Risks.AnyAsync(r => r.PlanId == planId, Ct));

        fields["Input.Likelihood"] = "2";
        response = await PostFormAsync(planner, create, create, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        int riskId;
        await using (var db = App.NewDbContext()) riskId = await db.Risks.Where(r => r.PlanId == planId).Select(r => r.Id).SingleAsync(Ct);

        var edit = $"/Finance/Risks/{riskId}/Edit";
        var risk = await Rest.ReadAsync<RiskItemResponse>(await (await App.PlannerAsync()).GetAsync($"/api/v1/risks/{riskId}", Ct));
        fields["Input.Version"] = risk.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Input.Impact"] = "5";
        fields["Input.Note"] = "Two donors withdrew.";
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(planner, edit, edit, fields)).StatusCode);
        risk = await Rest.ReadAsync<RiskItemResponse>(await (await App.PlannerAsync()).GetAsync($"/api/v1/risks/{riskId}", Ct));
        Assert.Equal(10, risk.Score);
        Assert.Equal(2, risk.History.Count);
        Assert.Equal(new Dictionary<string, string> { ["en"] = "Broaden the donor base", ["fr"] = "Élargir la base des donateurs" }, risk.Actions);
        Assert.Equal("Les contributions baissent", risk.Cause["fr"]);
        Assert.Contains("Élargir la base des donateurs", WebUtility.HtmlDecode(await (await planner.GetAsync(edit, Ct)).Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        // A Delegate is refused; the delete page asks first.
        var delegateClient = await SignedInAsync(Roles.Delegate);
        Assert.Contains((await delegateClient.GetAsync(edit, Ct)).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
        var delete = $"/Finance/Risks/{riskId}/Delete";
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync(delete, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(planner, delete, delete, new() { ["Version"] = risk.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) })).StatusCode);
        await using (var db = App.NewDbContext()) Assert.False(await db.Risks.AnyAsync(r => r.Id == riskId, Ct));
    }

    [Fact]
    public async Task The_resources_form_of_an_operational_output_refuses_an_unknown_unit_and_stores_a_valid_one()
    {
        var api = await App.PlannerAsync();
        var op = await Rest.ReadAsync<Cadre.Web.Api.Planning.PlanResponse>(await api.PostAsJsonAsync("/api/v1/plans",
            new Cadre.Web.Api.Planning.CreatePlanRequest(Core.Planning.PlanKind.Operational, "FORM-OP", new() { ["en"] = "Operational" }, null, 2025, 2028, "en", "operational", "ITU-D"), Rest.Json, Ct),
            HttpStatusCode.Created);
        var output = await App.CreateElementAsync(op.Id, "output", "O1");
        var planner = await SignedInAsync(Roles.Planner);
        var url = $"/Finance/Operational/Elements/{output.Id}/Resources";
        var response = await PostFormAsync(planner, url, url, new() { ["ResponsibleUnit"] = "ITU-X", ["Amount"] = "12,5", ["StaffDays"] = "40" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#ResponsibleUnit\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using (var db = App.NewDbContext()) Assert.False(await db.OutputResources.AnyAsync(r => r.ElementId == output.Id, Ct));

        response = await PostFormAsync(planner, url, url, new() { ["ResponsibleUnit"] = "ITU-D", ["Amount"] = "12,5", ["StaffDays"] = "40" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = App.NewDbContext())
        {
            var stored = await db.OutputResources.SingleAsync(r => r.ElementId == output.Id, Ct);
            Assert.Equal(12_500m, stored.Amount);
            Assert.Equal("ITU-D", stored.ResponsibleUnit);
        }
        var details = await (await planner.GetAsync($"/Finance/Operational/{op.Id}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("O1", details, StringComparison.Ordinal);
    }
}

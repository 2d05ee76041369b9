using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using Cadre.Core.Finance;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Results;
using Cadre.TestSupport;
using Cadre.Web.Api.Finance;
using Cadre.Web.Api.Planning;
using Cadre.Web.Api.Reporting;
using Cadre.Web.Api.Results;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests.Reporting;

/// <summary>
/// The plan's IATI 2.03 files through the API on SQLite or PostgreSQL (CADRE_TEST_PROVIDER): valid against the
/// official schemas, the same access rule as the plan and the reports (a draft plan is 404 for the public and
/// Delegates), only validated values and only narratives the caller may read, and ProblemDetails for a plan
/// without a financial plan or an unknown plan.
/// </summary>
public sealed class IatiApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private const string DraftNarrative = "Draft narrative not for the public";
    private const string PublishedNarrative = "Published narrative of goal one";

    private sealed record Setup(PlanResponse Plan, ElementResponse Goal, int ExportYear);

    private async Task<HttpClient> ClientAsync(CadreUser user)
    {
        var client = App.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.CreateTokenAsync(user));
        return client;
    }

    /// <summary>
    /// A plan 2024-2027 with a goal, an indicator (baseline 67 in 2023, 80 by 2027) with a validated value 70 for 2024
    /// and a provisional (unvalidated) 99.5 for 2025, a financial plan (GS CHF 1,000 a year, all attributed to the goal),
    /// CHF 60.25 spent in 2026, and, when <paramref name="adopt"/>, adopted (published).
    /// </summary>
    private async Task<Setup> PlanAsync(bool adopt)
    {
        var planner = await App.PlannerAsync();
        var plan = await App.CreatePlanAsync();
        var goal = await App.CreateElementAsync(plan.Id, "goal", "1", title: "Connectivity");
        var reporter = await App.CreateUserAsync(Roles.Reporter);
        var validator = await App.CreateUserAsync(Roles.Validator);
        var indicator = await Rest.ReadAsync<IndicatorResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/indicators",
            new IndicatorBody(goal.Id, "1.a", new() { ["en"] = "Individuals using the Internet", ["fr"] = "Personnes utilisant l'Internet" },
                Measure: Measure.Percentage, BaselineValue: 67, BaselineYear: 2023, EndTarget: 80, OwnerUserId: reporter.Id, ValidatorUserId: validator.Id,
                Targets: [new TargetBody("2025", null, 73)]), Rest.Json, Ct), HttpStatusCode.Created);
        var reporterClient = await ClientAsync(reporter);
        var validated = await Rest.ReadAsync<ValueResponse>(await reporterClient.PostAsJsonAsync($"/api/v1/indicators/{indicator.Id}/values",
            new SubmitValueBody("2024", 70), Rest.Json, Ct), HttpStatusCode.Created);
        await Rest.ReadAsync<ValueResponse>(await (await ClientAsync(validator)).PostAsJsonAsync($"/api/v1/values/{validated.Id}/approve",
            new ApproveValueBody(validated.Version), Rest.Json, Ct));
        await Rest.ReadAsync<ValueResponse>(await reporterClient.PostAsJsonAsync($"/api/v1/indicators/{indicator.Id}/values",
            new SubmitValueBody("2025", 99.5m), Rest.Json, Ct), HttpStatusCode.Created);

        await Rest.ReadAsync<FinancialPlanResponse>(await planner.PutAsJsonAsync($"/api/v1/plans/{plan.Id}/financial-plan",
            new SaveFinancialPlanRequest(null, "Decision 5",
                [.. Enumerable.Range(2024, 4).Select(y => new FinancialPlanLineDto(LineKind.Revenue, "memberStates", y, 1000m)),
                 .. Enumerable.Range(2024, 4).Select(y => new FinancialPlanLineDto(LineKind.Expense, "GS", y, 1000m))], []), Rest.Json, Ct));
        foreach (var start in new[] { 2024, 2026 })
        {
            await Rest.ReadAsync<BudgetResponse>(await planner.PutAsJsonAsync($"/api/v1/plans/{plan.Id}/budgets/{start}",
                new SaveBudgetRequest(null, [new BudgetLineDto("GS", CostCategory.Staff, 2000m)], start == 2024), Rest.Json, Ct));
        }
        await Rest.ReadAsync<UnitKeysResponse>(await planner.PutAsJsonAsync($"/api/v1/plans/{plan.Id}/attribution-keys/GS",
            new SaveKeysRequest(null, AttributionMethod.Percentage, new Dictionary<int, decimal> { [goal.Id] = 100m }), Rest.Json, Ct));
        await Rest.ReadAsync<ExpenditureImportResponse>(await planner.PostAsync($"/api/v1/expenditure/import?plan={plan.Id}",
            new ByteArrayContent(Encoding.UTF8.GetBytes("year,unit,category,amount,description\n2026,GS,staff,60.25,Salaries\n")) { Headers = { ContentType = new("text/csv") } }, Ct));
        if (adopt)
        {
            plan = await Rest.ReadAsync<PlanResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/status",
                new ChangePlanStatusRequest(plan.Version, PlanStatus.Adopted, "Resolution 71"), Rest.Json, Ct));
        }
        // The export's year: the current year within the plan's period (as IatiExport decides).
        var year = Math.Clamp(App.Services.GetRequiredService<TimeProvider>().GetUtcNow().Year, plan.StartYear, plan.EndYear);
        return new Setup(plan, goal, year);
    }

    private static async Task<byte[]> FileAsync(HttpResponseMessage response, string contentType, string fileName)
    {
        await Rest.ExpectStatusAsync(response, HttpStatusCode.OK);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static void AssertValid(byte[] xml, string schema)
    {
        var errors = IatiSchemas.Validate(xml, schema);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>A narrative on goal 1 in English, on a report of the export's year: published when asked, then a draft correction.</summary>
    private async Task NarrativesAsync(Setup s)
    {
        var planner = await App.PlannerAsync();
        var councillor = await App.ClientAsAsync(Roles.Councillor);
        var report = await Rest.ReadAsync<ReportResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{s.Plan.Id}/reports",
            new CreateReportRequest(ReportKind.Annual, s.ExportYear), Rest.Json, Ct), HttpStatusCode.Created);
        await Rest.ReadAsync<NarrativeResponse>(await planner.PutAsJsonAsync($"/api/v1/reports/{report.Id}/narratives/element:1/en",
            new SaveNarrativeRequest(PublishedNarrative, null), Rest.Json, Ct));
        report = await Rest.ReadAsync<ReportResponse>(await planner.GetAsync($"/api/v1/reports/{report.Id}", Ct));
        report = await Rest.ReadAsync<ReportResponse>(await planner.PostAsJsonAsync($"/api/v1/reports/{report.Id}/submit", new ReportStepRequest(report.Version), Rest.Json, Ct));
        report = await Rest.ReadAsync<ReportResponse>(await councillor.PostAsJsonAsync($"/api/v1/reports/{report.Id}/decision", new CouncilDecisionRequest(report.Version, "Noted."), Rest.Json, Ct));
        report = await Rest.ReadAsync<ReportResponse>(await planner.PostAsJsonAsync($"/api/v1/reports/{report.Id}/publish", new ReportStepRequest(report.Version), Rest.Json, Ct));
        var correction = await Rest.ReadAsync<ReportResponse>(await planner.PostAsJsonAsync($"/api/v1/reports/{report.Id}/correct", new { }, Rest.Json, Ct), HttpStatusCode.Created);
        var copied = correction.Narratives.Single(n => n.SectionKey == "element:1" && n.Language == "en");
        await Rest.ReadAsync<NarrativeResponse>(await planner.PutAsJsonAsync($"/api/v1/reports/{correction.Id}/narratives/element:1/en",
            new SaveNarrativeRequest(DraftNarrative, copied.Version), Rest.Json, Ct));
    }

    [Fact]
    public async Task A_published_plan_s_IATI_files_are_public_valid_and_hold_its_budget_spending_and_validated_results()
    {
        var s = await PlanAsync(adopt: true);
        var code = s.Plan.Code;
        var anonymous = App.AnonymousClient();

        var organisation = await FileAsync(await anonymous.GetAsync($"/api/v1/plans/{s.Plan.Id}/iati/organisation.xml", Ct), "application/xml", code + "-organisation.xml");
        AssertValid(organisation, IatiSchemas.Organisations);
        var org = XDocument.Load(new MemoryStream(organisation)).Root!.Element("iati-organisation")!;
        Assert.Equal(["2024-01-01", "2025-01-01", "2026-01-01", "2027-01-01"], org.Elements("total-budget").Select(b => (string)b.Element("period-start")!.Attribute("iso-date")!));
        Assert.All(org.Elements("total-budget"), b => Assert.Equal("1000", b.Element("value")!.Value));
        var spent = Assert.Single(org.Elements("total-expenditure"));
        Assert.Equal("60.25", spent.Element("value")!.Value);

        var activities = await FileAsync(await anonymous.GetAsync($"/api/v1/plans/{s.Plan.Id}/iati/activities.xml", Ct), "application/xml", code + "-activities.xml");
        AssertValid(activities, IatiSchemas.Activities);
        var activity = Assert.Single(XDocument.Load(new MemoryStream(activities)).Root!.Elements("iati-activity"));
        Assert.EndsWith("-" + code + "-1", activity.Element("iati-identifier")!.Value, StringComparison.Ordinal);
        Assert.Equal(["1000", "1000", "1000", "1000"], activity.Elements("budget").Select(b => b.Element("value")!.Value));
        var indicator = Assert.Single(activity.Descendants("indicator"));
        Assert.Equal("67", (string)indicator.Element("baseline")!.Attribute("value")!);
        // The validated 2024 value is there; the provisional 2025 value is not, for anyone.
        var actuals = indicator.Descendants("actual").Select(a => (string)a.Attribute("value")!).ToList();
        Assert.Equal(["70"], actuals);
        Assert.DoesNotContain("99.5", Text(activities), StringComparison.Ordinal);
        Assert.DoesNotContain("99.5", Text(await (await App.PlannerAsync()).GetByteArrayAsync($"/api/v1/plans/{s.Plan.Id}/iati/activities.xml", Ct)), StringComparison.Ordinal);

        // The ZIP holds the same two files, each valid.
        var zipBytes = await FileAsync(await anonymous.GetAsync($"/api/v1/plans/{s.Plan.Id}/iati.zip", Ct), "application/zip", code + "-iati.zip");
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        Assert.Equal([code + "-activities.xml", code + "-organisation.xml"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in zip.Entries)
        {
            using var content = new MemoryStream();
            await using (var stream = entry.Open()) await stream.CopyToAsync(content, Ct);
            AssertValid(content.ToArray(), entry.FullName.EndsWith("-organisation.xml", StringComparison.Ordinal) ? IatiSchemas.Organisations : IatiSchemas.Activities);
        }

        // A Delegate and a Planner get the files of a published plan too.
        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "FRA");
        AssertValid(await FileAsync(await delegateClient.GetAsync($"/api/v1/plans/{s.Plan.Id}/iati/activities.xml", Ct), "application/xml", code + "-activities.xml"), IatiSchemas.Activities);
        AssertValid(await FileAsync(await (await App.PlannerAsync()).GetAsync($"/api/v1/plans/{s.Plan.Id}/iati/organisation.xml", Ct), "application/xml", code + "-organisation.xml"), IatiSchemas.Organisations);
    }

    [Fact]
    public async Task The_public_and_Delegates_get_the_published_report_s_narrative_never_a_draft_one()
    {
        var s = await PlanAsync(adopt: true);
        await NarrativesAsync(s);
        var url = $"/api/v1/plans/{s.Plan.Id}/iati/activities.xml";

        foreach (var client in new[] { App.AnonymousClient(), await App.ClientAsAsync(Roles.Delegate, "FRA") })
        {
            var text = Text(await FileAsync(await client.GetAsync(url, Ct), "application/xml", s.Plan.Code + "-activities.xml"));
            Assert.Contains(PublishedNarrative, text, StringComparison.Ordinal);
            Assert.DoesNotContain(DraftNarrative, text, StringComparison.Ordinal);
        }
        // The secretariat, who may read the draft correction, sees its text.
        var planner = Text(await (await App.PlannerAsync()).GetByteArrayAsync(url, Ct));
        Assert.Contains(DraftNarrative, planner, StringComparison.Ordinal);
        Assert.DoesNotContain(PublishedNarrative, planner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_plan_s_IATI_files_are_not_found_for_the_public_and_Delegates_and_served_to_the_secretariat()
    {
        var s = await PlanAsync(adopt: false);
        var delegateClient = await App.ClientAsAsync(Roles.Delegate, "FRA");
        foreach (var path in new[] { "iati/organisation.xml", "iati/activities.xml", "iati.zip" })
        {
            var url = $"/api/v1/plans/{s.Plan.Id}/{path}";
            await Rest.ProblemAsync(await App.AnonymousClient().GetAsync(url, Ct), HttpStatusCode.NotFound);
            await Rest.ProblemAsync(await delegateClient.GetAsync(url, Ct), HttpStatusCode.NotFound);
            await Rest.ExpectStatusAsync(await (await App.PlannerAsync()).GetAsync(url, Ct), HttpStatusCode.OK);
            await Rest.ExpectStatusAsync(await (await App.ClientAsAsync(Roles.Councillor)).GetAsync(url, Ct), HttpStatusCode.OK);
        }
        // A draft plan's files say the budget is indicative (IATI budget status 1), not committed.
        var org = XDocument.Load(new MemoryStream(await (await App.PlannerAsync()).GetByteArrayAsync($"/api/v1/plans/{s.Plan.Id}/iati/organisation.xml", Ct)));
        Assert.All(org.Descendants("total-budget"), b => Assert.Equal("1", (string?)b.Attribute("status")));
    }

    [Fact]
    public async Task A_plan_without_a_financial_plan_is_a_clear_400_and_an_unknown_plan_a_404()
    {
        var planner = await App.PlannerAsync();
        var plan = await App.CreatePlanAsync();
        var goal = await App.CreateElementAsync(plan.Id, "goal", "1");
        await Rest.ExpectStatusAsync(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/indicators",
            new IndicatorBody(goal.Id, "1.a", new() { ["en"] = "Indicator" }, Measure: Measure.Percentage), Rest.Json, Ct), HttpStatusCode.Created);
        plan = await Rest.ReadAsync<PlanResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/status",
            new ChangePlanStatusRequest(plan.Version, PlanStatus.Adopted, "Resolution 71"), Rest.Json, Ct));

        foreach (var path in new[] { "iati/organisation.xml", "iati/activities.xml", "iati.zip" })
        {
            var problem = await Rest.ProblemAsync(await App.AnonymousClient().GetAsync($"/api/v1/plans/{plan.Id}/{path}", Ct), HttpStatusCode.BadRequest);
            var message = Assert.Single(problem.Errors["plan"]);
            Assert.Contains(plan.Code, message, StringComparison.Ordinal);
            Assert.Contains("financial plan", message, StringComparison.Ordinal);
        }
        var french = App.AnonymousClient();
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var fr = await Rest.ProblemAsync(await french.GetAsync($"/api/v1/plans/{plan.Id}/iati.zip", Ct), HttpStatusCode.BadRequest);
        Assert.Contains("plan financier", Assert.Single(fr.Errors["plan"]), StringComparison.Ordinal);

        var unknown = await Rest.ProblemAsync(await planner.GetAsync("/api/v1/plans/987654/iati/activities.xml", Ct), HttpStatusCode.NotFound);
        Assert.Contains("987654", unknown.Detail, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Cadre.Core.Results;
using Cadre.Web.Api.Planning;
using Cadre.Web.Api.Results;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Results;

/// <summary>The Results API on the configured database (SQLite, or PostgreSQL with CADRE_TEST_PROVIDER=Postgres).</summary>
public sealed class ResultsApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private sealed record Setup(PlanResponse Plan, ElementResponse Goal, IndicatorResponse Indicator, HttpClient Reporter, HttpClient Validator, HttpClient Validator2,
        HttpClient OtherReporter, CadreUser ValidatorUser);

    private async Task<HttpClient> ClientAsync(CadreUser user)
    {
        var client = App.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.CreateTokenAsync(user));
        return client;
    }

    /// <summary>A plan with a goal and a percentage indicator (67 in 2023, 80 by 2027) reported by one Reporter and validated by one Validator.</summary>
    private async Task<Setup> SetupAsync(bool adopt = false)
    {
        var planner = await App.PlannerAsync();
        var plan = await App.CreatePlanAsync();
        var goal = await App.CreateElementAsync(plan.Id, "goal", "1");
        var reporter = await App.CreateUserAsync(Roles.Reporter);
        var validator = await App.CreateUserAsync(Roles.Validator);
        var indicator = await Rest.ReadAsync<IndicatorResponse>(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/indicators",
            new IndicatorBody(goal.Id, "1.a", new() { ["en"] = "Individuals using the Internet", ["fr"] = "Personnes utilisant l'Internet" },
                Measure: Measure.Percentage, BaselineValue: 67, BaselineYear: 2023, EndTarget: 80, OwnerUserId: reporter.Id, ValidatorUserId: validator.Id,
                Dimensions: ["itu-region"], Targets: [new TargetBody("2025", null, 73)]), Rest.Json, Ct), HttpStatusCode.Created);
        if (adopt)
        {
            await Rest.ExpectStatusAsync(await planner.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/status",
                new ChangePlanStatusRequest(plan.Version, PlanStatus.Adopted, "Resolution 71"), Rest.Json, Ct), HttpStatusCode.OK);
        }
        return new Setup(plan, goal, indicator, await ClientAsync(reporter), await ClientAsync(validator), await ClientAsync(validator),
            await App.ClientAsAsync(Roles.Reporter), validator);
    }

    private static Task<HttpResponseMessage> Submit(HttpClient client, int indicatorId, string period, decimal? value, string? dimension = null) =>
        client.PostAsJsonAsync($"/api/v1/indicators/{indicatorId}/values", new SubmitValueBody(period, value, dimension), Rest.Json, Ct);

    [Fact]
    public async Task A_reporter_submits_a_validator_approves_and_the_published_progress_changes()
    {
        var s = await SetupAsync(adopt: true);
        var anonymous = App.AnonymousClient();
        var value = await Rest.ReadAsync<ValueResponse>(await Submit(s.Reporter, s.Indicator.Id, "2025", 70), HttpStatusCode.Created);
        Assert.Equal(ValueStatus.Provisional, value.Status);

        // The public sees validated values only.
        var publicValues = await Rest.ReadAsync<ValuePageResponse>(await anonymous.GetAsync($"/api/v1/plans/{s.Plan.Id}/values", Ct));
        Assert.Equal(0, publicValues.Total);
        var before = await Rest.ReadAsync<ProgressResponse>(await anonymous.GetAsync($"/api/v1/plans/{s.Plan.Id}/progress?asOf=2025", Ct));
        Assert.Equal(ProgressStatus.NoData, before.Indicators.Single().Status);
        Assert.Equal(ProgressStatus.NoData, before.Elements.Single(e => e.ElementId == s.Goal.Id).Status);

        // Neither the reporter nor a planner approves; the validator does.
        await Rest.ProblemAsync(await s.Reporter.PostAsJsonAsync($"/api/v1/values/{value.Id}/approve", new ApproveValueBody(value.Version), Rest.Json, Ct), HttpStatusCode.Forbidden);
        await Rest.ProblemAsync(await (await App.PlannerAsync()).PostAsJsonAsync($"/api/v1/values/{value.Id}/approve", new ApproveValueBody(value.Version), Rest.Json, Ct), HttpStatusCode.Forbidden);
        var approved = await Rest.ReadAsync<ValueResponse>(await s.Validator.PostAsJsonAsync($"/api/v1/values/{value.Id}/approve", new ApproveValueBody(value.Version), Rest.Json, Ct));
        Assert.Equal(ValueStatus.Validated, approved.Status);

        var after = await Rest.ReadAsync<ProgressResponse>(await anonymous.GetAsync($"/api/v1/plans/{s.Plan.Id}/progress?asOf=2025", Ct));
        var row = after.Indicators.Single();
        Assert.Equal(70m, row.Actual);
        Assert.Equal(73m, row.Expected);
        Assert.Equal(0.5, row.Achievement!.Value, 6); // (70 − 67) / (73 − 67)
        Assert.Equal(ProgressStatus.OffTrack, row.Status);
        var goal = after.Elements.Single(e => e.ElementId == s.Goal.Id);
        Assert.Equal(0.5, goal.Achievement!.Value, 6);
        Assert.Equal(1.0, goal.Coverage);
        Assert.Equal(0.9, after.Thresholds.OnTrack);

        // A correction is a new revision; the history shows both.
        await Rest.ProblemAsync(await s.Reporter.PostAsJsonAsync($"/api/v1/values/{value.Id}/correct", new CorrectValueBody(72, ""), Rest.Json, Ct), HttpStatusCode.BadRequest);
        var correction = await Rest.ReadAsync<ValueResponse>(await s.Reporter.PostAsJsonAsync($"/api/v1/values/{value.Id}/correct",
            new CorrectValueBody(72, "Revised household survey"), Rest.Json, Ct), HttpStatusCode.Created);
        Assert.Equal(2, correction.Revision);
        var history = await Rest.ReadAsync<List<ValueResponse>>(await s.Reporter.GetAsync($"/api/v1/indicators/{s.Indicator.Id}/values", Ct));
        Assert.Equal([1, 2], history.Select(h => h.Revision));
        var rejected = await Rest.ReadAsync<ValueResponse>(await s.Validator.PostAsJsonAsync($"/api/v1/values/{correction.Id}/reject",
            new RejectValueBody("Source not attached", correction.Version), Rest.Json, Ct));
        Assert.Equal(ValueStatus.Rejected, rejected.Status);
        var still = await Rest.ReadAsync<ProgressResponse>(await anonymous.GetAsync($"/api/v1/plans/{s.Plan.Id}/progress?asOf=2025", Ct));
        Assert.Equal(70m, still.Indicators.Single().Actual);
    }

    [Fact]
    public async Task Bad_input_is_refused_and_nothing_is_stored()
    {
        var s = await SetupAsync();
        var range = await Rest.ProblemAsync(await Submit(s.Reporter, s.Indicator.Id, "2025", 150), HttpStatusCode.BadRequest);
        Assert.True(range.Errors.ContainsKey("value"));
        var outside = await Rest.ProblemAsync(await Submit(s.Reporter, s.Indicator.Id, "2031", 50), HttpStatusCode.BadRequest);
        Assert.True(outside.Errors.ContainsKey("period"));
        var dimension = await Rest.ProblemAsync(await Submit(s.Reporter, s.Indicator.Id, "2025", 50, "sex:female"), HttpStatusCode.BadRequest);
        Assert.True(dimension.Errors.ContainsKey("dimensionValue"));
        await Rest.ProblemAsync(await Submit(s.OtherReporter, s.Indicator.Id, "2025", 50), HttpStatusCode.Forbidden);
        await Rest.ProblemAsync(await Submit(s.Validator, s.Indicator.Id, "2025", 50), HttpStatusCode.Forbidden);
        await Rest.ProblemAsync(await Submit(App.AnonymousClient(), s.Indicator.Id, "2025", 50), HttpStatusCode.Unauthorized);
        await Rest.ProblemAsync(await s.Reporter.PostAsync($"/api/v1/indicators/{s.Indicator.Id}/values", Rest.RawJson("{\"period\": \"2025\", \"value\": \"lots\"}"), Ct), HttpStatusCode.BadRequest);
        var history = await Rest.ReadAsync<List<ValueResponse>>(await s.Reporter.GetAsync($"/api/v1/indicators/{s.Indicator.Id}/values", Ct));
        Assert.Empty(history);

        // Indicators: a Planner's job, with checked fields.
        await Rest.ProblemAsync(await s.Reporter.PostAsJsonAsync($"/api/v1/plans/{s.Plan.Id}/indicators",
            new IndicatorBody(s.Goal.Id, "1.b", new() { ["en"] = "x" }), Rest.Json, Ct), HttpStatusCode.Forbidden);
        var invalid = await Rest.ProblemAsync(await (await App.PlannerAsync()).PostAsJsonAsync($"/api/v1/plans/{s.Plan.Id}/indicators",
            new IndicatorBody(s.Goal.Id, "1.a", new() { ["en"] = "dup" }, Direction: Direction.Band, BandLow: 5), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(invalid.Errors.ContainsKey("code"));
        Assert.True(invalid.Errors.ContainsKey("bandLow"));
        var list = await Rest.ReadAsync<IndicatorPageResponse>(await (await App.PlannerAsync()).GetAsync($"/api/v1/plans/{s.Plan.Id}/indicators?search=internet", Ct));
        Assert.Equal(1, list.Total);
    }

    [Fact]
    public async Task Parallel_approvals_of_the_same_value_give_exactly_one_approval()
    {
        var s = await SetupAsync();
        var value = await Rest.ReadAsync<ValueResponse>(await Submit(s.Reporter, s.Indicator.Id, "2025", 70), HttpStatusCode.Created);
        var clients = new[] { s.Validator, s.Validator2, s.Validator, s.Validator2 };
        var responses = await Task.WhenAll(clients.Select(c =>
            c.PostAsJsonAsync($"/api/v1/values/{value.Id}/approve", new ApproveValueBody(value.Version), Rest.Json, Ct)));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.BadRequest }));
        var history = await Rest.ReadAsync<List<ValueResponse>>(await s.Reporter.GetAsync($"/api/v1/indicators/{s.Indicator.Id}/values", Ct));
        var stored = Assert.Single(history);
        Assert.Equal(ValueStatus.Validated, stored.Status);
        Assert.Equal(value.Version + 1, stored.Version);
    }

    [Fact]
    public async Task An_import_with_a_bad_row_lists_the_errors_and_stores_nothing_then_the_fixed_file_goes_in()
    {
        var s = await SetupAsync();
        var template = await s.Reporter.GetAsync($"/api/v1/plans/{s.Plan.Id}/values/template?format=csv", Ct);
        await Rest.ExpectStatusAsync(template, HttpStatusCode.OK);
        Assert.Contains("1.a", await template.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        static StringContent Csv(string text) => new(text, System.Text.Encoding.UTF8, "text/csv");
        const string bad = "indicator,period,dimension,value\n1.a,2024,,68\n1.a,2025,itu-region:africa,abc\n";
        var refused = await Rest.ProblemAsync(await s.Reporter.PostAsync($"/api/v1/plans/{s.Plan.Id}/values/import", Csv(bad), Ct), HttpStatusCode.BadRequest);
        Assert.Equal(["rows[3]"], refused.Errors.Keys);
        Assert.Single(refused.Errors["rows[3]"]); // "abc" is not a number

        Assert.Empty(await Rest.ReadAsync<List<ValueResponse>>(await s.Reporter.GetAsync($"/api/v1/indicators/{s.Indicator.Id}/values", Ct)));

        const string good = "indicator,period,dimension,value\n1.a,2024,,68\n1.a,2025,itu-region:africa,38\n";
        var dry = await Rest.ReadAsync<ImportResponse>(await s.Reporter.PostAsync($"/api/v1/plans/{s.Plan.Id}/values/import?dryRun=true", Csv(good), Ct));
        Assert.False(dry.Committed);
        var done = await Rest.ReadAsync<ImportResponse>(await s.Reporter.PostAsync($"/api/v1/plans/{s.Plan.Id}/values/import", Csv(good), Ct));
        Assert.True(done.Committed);
        var values = await Rest.ReadAsync<List<ValueResponse>>(await s.Reporter.GetAsync($"/api/v1/indicators/{s.Indicator.Id}/values", Ct));
        Assert.Equal(2, values.Count);
        Assert.Contains(values, v => v.DimensionValue == "itu-region:africa" && v.Value == 38);

        await Rest.ProblemAsync(await s.Validator.PostAsync($"/api/v1/plans/{s.Plan.Id}/values/import", Csv(good), Ct), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_value_import_over_the_JSON_limit_is_accepted_up_to_the_import_limit_and_refused_above_it()
    {
        var s = await SetupAsync();
        // Two real rows and enough blank template rows (with a long name, which the import ignores) to pass 1 MB.
        var text = new System.Text.StringBuilder("indicator,name,period,dimension,value\n1.a,,2024,,68\n1.a,,2025,itu-region:africa,38\n");
        var filler = new string('x', 600);
        while (text.Length <= 1_200_000) text.Append("1.a,").Append(filler).Append(",2026,,\n");
        var big = System.Text.Encoding.UTF8.GetBytes(text.ToString());
        Assert.True(big.Length > Cadre.Web.Api.ApiSetup.JsonBodyLimit);
        using var accepted = new ByteArrayContent(big);
        accepted.Headers.ContentType = new("text/csv");
        var done = await Rest.ReadAsync<ImportResponse>(await s.Reporter.PostAsync($"/api/v1/plans/{s.Plan.Id}/values/import", accepted, Ct));
        Assert.True(done.Committed);
        Assert.Equal(2, (await Rest.ReadAsync<List<ValueResponse>>(await s.Reporter.GetAsync($"/api/v1/indicators/{s.Indicator.Id}/values", Ct))).Count);

        using var oversized = new ByteArrayContent(new byte[checked((int)Cadre.Web.Api.ApiSetup.ValueImportBodyLimit + 1)]);
        oversized.Headers.ContentType = new("text/csv");
        var refused = await Rest.ProblemAsync(await s.Reporter.PostAsync($"/api/v1/plans/{s.Plan.Id}/values/import", oversized, Ct), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains(Cadre.Web.Api.ApiSetup.ValueImportBodyLimit.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en")), refused.Detail, StringComparison.Ordinal);

        // Other routes keep the JSON limit.
        using var json = new ByteArrayContent(new byte[Cadre.Web.Api.ApiSetup.JsonBodyLimit + 1]);
        json.Headers.ContentType = new("application/json");
        await Rest.ProblemAsync(await s.Reporter.PostAsync($"/api/v1/indicators/{s.Indicator.Id}/values", json, Ct), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_planner_defines_a_custom_dimension_and_the_status_thresholds_and_no_one_else_may()
    {
        var s = await SetupAsync();
        var planner = await App.PlannerAsync();
        Dictionary<string, string?> Name(string en) => new() { ["en"] = en };
        var url = $"/api/v1/plans/{s.Plan.Id}/dimensions/age-group";
        var dim = await Rest.ReadAsync<DimensionResponse>(await planner.PutAsJsonAsync(url,
            new DimensionBody(new() { ["en"] = "Age group", ["fr"] = "Tranche d'âge" }, [new DimensionValueBody("youth", Name("Youth"))]), Rest.Json, Ct));
        Assert.False(dim.IsStandard);
        Assert.Equal("age-group:youth", Assert.Single(dim.Values).Key);
        // Values are added or renamed; the stored one keeps its id.
        var more = await Rest.ReadAsync<DimensionResponse>(await planner.PutAsJsonAsync(url,
            new DimensionBody(Name("Age group"), [new DimensionValueBody("youth", Name("Young people")), new DimensionValueBody("older", Name("Older people"))]), Rest.Json, Ct));
        Assert.Equal(dim.Id, more.Id);
        Assert.Equal(["youth", "older"], more.Values.Select(v => v.Code));
        Assert.Equal(dim.Values[0].Id, more.Values[0].Id);
        Assert.Equal("Young people", more.Values[0].Name["en"]);
        var listed = await Rest.ReadAsync<List<DimensionResponse>>(await s.Reporter.GetAsync($"/api/v1/plans/{s.Plan.Id}/dimensions", Ct));
        Assert.Contains(listed, d => d.Code == "age-group" && d.Values.Count == 2);

        // Bad input: a standard dimension, a duplicate value, no name; nothing stored.
        var standard = await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/plans/{s.Plan.Id}/dimensions/sex", new DimensionBody(Name("Sex"), []), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(standard.Errors.ContainsKey("code"));
        var duplicate = await Rest.ProblemAsync(await planner.PutAsJsonAsync($"/api/v1/plans/{s.Plan.Id}/dimensions/other",
            new DimensionBody(null, [new DimensionValueBody("a", Name("A")), new DimensionValueBody("a", Name("A again"))]), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(duplicate.Errors.ContainsKey("name"));
        Assert.True(duplicate.Errors.ContainsKey("values[1].code"));
        listed = await Rest.ReadAsync<List<DimensionResponse>>(await s.Reporter.GetAsync($"/api/v1/plans/{s.Plan.Id}/dimensions", Ct));
        Assert.DoesNotContain(listed, d => d.Code == "other");
        await Rest.ProblemAsync(await s.Reporter.PutAsJsonAsync(url, new DimensionBody(Name("Mine"), []), Rest.Json, Ct), HttpStatusCode.Forbidden);
        await Rest.ProblemAsync(await App.AnonymousClient().PutAsJsonAsync(url, new DimensionBody(Name("Mine"), []), Rest.Json, Ct), HttpStatusCode.Unauthorized);

        // The thresholds: the defaults until set; checked; versioned; used by the progress.
        var thresholdsUrl = $"/api/v1/plans/{s.Plan.Id}/thresholds";
        var defaults = await Rest.ReadAsync<ThresholdsSettingsResponse>(await s.Reporter.GetAsync(thresholdsUrl, Ct));
        Assert.Equal((0.9m, 0.6m, (int?)null), (defaults.OnTrack, defaults.AtRisk, defaults.Version));
        var wrongOrder = await Rest.ProblemAsync(await planner.PutAsJsonAsync(thresholdsUrl, new ThresholdsBody(0.5m, 0.7m), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(wrongOrder.Errors.ContainsKey("atRiskThreshold"));
        var outOfRange = await Rest.ProblemAsync(await planner.PutAsJsonAsync(thresholdsUrl, new ThresholdsBody(1.5m, 0.5m), Rest.Json, Ct), HttpStatusCode.BadRequest);
        Assert.True(outOfRange.Errors.ContainsKey("onTrackThreshold"));
        await Rest.ProblemAsync(await s.Validator.PutAsJsonAsync(thresholdsUrl, new ThresholdsBody(0.95m, 0.5m), Rest.Json, Ct), HttpStatusCode.Forbidden);
        var set = await Rest.ReadAsync<ThresholdsSettingsResponse>(await planner.PutAsJsonAsync(thresholdsUrl, new ThresholdsBody(0.95m, 0.5m), Rest.Json, Ct));
        Assert.NotNull(set.Version);
        await Rest.ProblemAsync(await planner.PutAsJsonAsync(thresholdsUrl, new ThresholdsBody(0.8m, 0.5m, set.Version + 1), Rest.Json, Ct), HttpStatusCode.Conflict);
        var progress = await Rest.ReadAsync<ProgressResponse>(await s.Reporter.GetAsync($"/api/v1/plans/{s.Plan.Id}/progress", Ct));
        Assert.Equal((0.95, 0.5), (progress.Thresholds.OnTrack, progress.Thresholds.AtRisk));
    }

    [Fact]
    public async Task Progress_refuses_an_impossible_year_and_hides_drafts_from_the_public()
    {
        var s = await SetupAsync();
        var problem = await Rest.ProblemAsync(await s.Reporter.GetAsync($"/api/v1/plans/{s.Plan.Id}/progress?asOf=3000", Ct), HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.ContainsKey("asOf"));
        await Rest.ProblemAsync(await App.AnonymousClient().GetAsync($"/api/v1/plans/{s.Plan.Id}/progress", Ct), HttpStatusCode.NotFound);
        var ok = await Rest.ReadAsync<ProgressResponse>(await s.Reporter.GetAsync($"/api/v1/plans/{s.Plan.Id}/progress", Ct));
        Assert.Equal(s.Plan.Id, ok.PlanId);
    }
}

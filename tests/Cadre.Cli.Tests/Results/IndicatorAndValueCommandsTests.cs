using Cadre.Core.Data;
using Cadre.Core.Identity;
using Cadre.Core.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cadre.Cli.Tests.Results;

/// <summary><c>cadre results indicators ...</c> and <c>cadre results values ...</c>: definitions as Planner, values as the named Reporter and Validator.</summary>
public sealed class IndicatorAndValueCommandsTests : IAsyncLifetime
{
    private const string Reporter = "reporter@test.example";
    private const string OtherReporter = "other@test.example";
    private const string Validator = "validator@test.example";
    private readonly TempDatabase _db = new();

    public async ValueTask InitializeAsync()
    {
        await _db.MigrateAsync();
        await PlanningTestData.CreateSmallPlanAsync(_db, "SP-I");
        await _db.WithScopeAsync(async s =>
        {
            var admin = s.GetRequiredService<UserAdministration>();
            await admin.EnsureRolesAsync();
            await admin.CreateAsync(new UserAdministration.CreateRequest(Reporter, "Reporter", [Roles.Reporter], null, "Cadre-test-2026!long"));
            await admin.CreateAsync(new UserAdministration.CreateRequest(OtherReporter, "Other", [Roles.Reporter], null, "Cadre-test-2026!long"));
            await admin.CreateAsync(new UserAdministration.CreateRequest(Validator, "Validator", [Roles.Validator], null, "Cadre-test-2026!long"));
            return 0;
        });
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<Indicator?> IndicatorAsync(string code) => _db.WithScopeAsync(s =>
        s.GetRequiredService<CadreDbContext>().Indicators.AsNoTracking().Include(i => i.Targets).FirstOrDefaultAsync(i => i.Code == code));

    private Task<List<ReportedValue>> ValuesAsync() => _db.WithScopeAsync(s =>
        s.GetRequiredService<CadreDbContext>().ReportedValues.AsNoTracking().OrderBy(v => v.Id).ToListAsync());

    private Task<CliResult> AddAsync(params string[] extra) => _db.RunAsync([
        "results", "indicators", "add", "--plan", "SP-I", "--element", "1.1", "--code", "1.1.a",
        "--name-en", "Individuals using the Internet", "--name-fr", "Personnes utilisant l'Internet",
        "--measure", "percentage", "--direction", "increase", "--baseline", "53", "--baseline-year", "2019",
        "--target", "2025=60", "--target", "2027=70", "--owner", Reporter, "--validator", Validator, .. extra]);

    [Fact]
    public async Task A_planner_adds_lists_updates_and_deletes_an_indicator_with_its_targets()
    {
        var added = await AddAsync();
        Assert.True(added.ExitCode == 0, added.ToString());
        var i = await IndicatorAsync("1.1.a");
        Assert.NotNull(i);
        Assert.Equal(Measure.Percentage, i.Measure);
        Assert.Equal(53m, i.BaselineValue);
        Assert.Equal(2019, i.BaselineYear);
        Assert.Equal("Personnes utilisant l'Internet", i.Name.Fr);
        Assert.Equal([("2025", 60m), ("2027", 70m)], i.Targets.OrderBy(t => t.Period).Select(t => (t.Period, t.Value)));
        Assert.NotNull(i.OwnerUserId);

        var list = await _db.RunAsync("results", "indicators", "list", "--plan", "SP-I");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("1.1.a", list.Out, StringComparison.Ordinal);
        Assert.Contains("53 (2019)", list.Out, StringComparison.Ordinal);
        var json = await _db.RunAsync("results", "indicators", "list", "--plan", "SP-I", "--json");
        Assert.Contains("\"percentage\"", json.Out, StringComparison.Ordinal);

        // Only what is given changes; the targets given replace the period targets.
        var updated = await _db.RunAsync("results", "indicators", "update", "--plan", "SP-I", "--code", "1.1.a", "--end-target", "75", "--target", "2026=65");
        Assert.True(updated.ExitCode == 0, updated.ToString());
        i = await IndicatorAsync("1.1.a");
        Assert.Equal(75m, i!.EndTarget);
        Assert.Equal(53m, i.BaselineValue);
        Assert.Equal("Individuals using the Internet", i.Name.En);
        Assert.Equal([("2026", 65m)], i.Targets.Select(t => (t.Period, t.Value)));

        var deleted = await _db.RunAsync("results", "indicators", "delete", "--plan", "SP-I", "--code", "1.1.a");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Null(await IndicatorAsync("1.1.a"));
    }

    [Fact]
    public async Task Bad_indicator_input_is_refused_with_a_message_and_a_non_zero_exit_and_nothing_is_stored()
    {
        var duplicate = await AddAsync();
        Assert.Equal(0, duplicate.ExitCode);
        var again = await AddAsync();
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("1.1.a", again.Error, StringComparison.Ordinal);

        var notNumber = await _db.RunAsync("results", "indicators", "add", "--plan", "SP-I", "--element", "1.1", "--code", "1.1.b", "--name-en", "B", "--baseline", "lots", "--baseline-year", "2020");
        Assert.Equal(2, notNumber.ExitCode);
        Assert.Contains("lots", notNumber.Error, StringComparison.Ordinal);
        var badTarget = await _db.RunAsync("results", "indicators", "add", "--plan", "SP-I", "--element", "1.1", "--code", "1.1.b", "--name-en", "B", "--target", "2025");
        Assert.Equal(2, badTarget.ExitCode);
        var outside = await _db.RunAsync("results", "indicators", "add", "--plan", "SP-I", "--element", "1.1", "--code", "1.1.b", "--name-en", "B", "--target", "2031=5");
        Assert.Equal(1, outside.ExitCode);
        var badMeasure = await _db.RunAsync("results", "indicators", "add", "--plan", "SP-I", "--element", "1.1", "--code", "1.1.b", "--name-en", "B", "--measure", "weight");
        Assert.Equal(2, badMeasure.ExitCode);
        var noElement = await _db.RunAsync("results", "indicators", "add", "--plan", "SP-I", "--element", "9.9", "--code", "1.1.b", "--name-en", "B");
        Assert.Equal(1, noElement.ExitCode);
        var noName = await _db.RunAsync("results", "indicators", "add", "--plan", "SP-I", "--element", "1.1", "--code", "1.1.b");
        Assert.Equal(1, noName.ExitCode);
        Assert.Contains("name", noName.Error, StringComparison.Ordinal);
        var ownerNotReporter = await _db.RunAsync("results", "indicators", "add", "--plan", "SP-I", "--element", "1.1", "--code", "1.1.b", "--name-en", "B", "--owner", Validator);
        Assert.Equal(1, ownerNotReporter.ExitCode);
        Assert.Equal(1, (await _db.RunAsync("results", "indicators", "update", "--plan", "SP-I", "--code", "no-such", "--name-en", "X")).ExitCode);
        Assert.Equal(1, (await _db.RunAsync("results", "indicators", "list", "--plan", "NO-SUCH")).ExitCode);
        Assert.Null(await IndicatorAsync("1.1.b"));
    }

    [Fact]
    public async Task A_value_is_submitted_rejected_resubmitted_approved_and_corrected_with_the_history_kept()
    {
        Assert.Equal(0, (await AddAsync()).ExitCode);
        var submitted = await _db.RunAsync("results", "values", "submit", "--plan", "SP-I", "--indicator", "1.1.a", "--period", "2025", "--value", "58.5", "--as", Reporter);
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var first = Assert.Single(await ValuesAsync());
        Assert.Equal(58.5m, first.Value);
        Assert.Equal(ValueStatus.Provisional, first.Status);
        var id = first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Reject needs a reason (usage error, nothing changes); then with one.
        Assert.Equal(2, (await _db.RunAsync("results", "values", "reject", id, "--as", Validator)).ExitCode);
        Assert.Equal(ValueStatus.Provisional, (await ValuesAsync())[0].Status);
        var rejected = await _db.RunAsync("results", "values", "reject", id, "--reason", "Source missing", "--as", Validator);
        Assert.True(rejected.ExitCode == 0, rejected.ToString());
        Assert.Equal("Source missing", (await ValuesAsync())[0].RejectionReason);

        Assert.Equal(0, (await _db.RunAsync("results", "values", "submit", "--plan", "SP-I", "--indicator", "1.1.a", "--period", "2025", "--value", "59", "--as", Reporter)).ExitCode);
        var second = (await ValuesAsync())[1];
        Assert.Equal(2, second.Revision);
        var secondId = second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var approved = await _db.RunAsync("results", "values", "approve", secondId, "--as", Validator);
        Assert.True(approved.ExitCode == 0, approved.ToString());
        Assert.Equal(ValueStatus.Validated, (await ValuesAsync())[1].Status);
        // Approving twice: the second is refused.
        Assert.Equal(1, (await _db.RunAsync("results", "values", "approve", secondId, "--as", Validator)).ExitCode);

        // A correction needs a reason, and makes a new provisional revision; the validated one stays.
        Assert.Equal(2, (await _db.RunAsync("results", "values", "correct", secondId, "--value", "61", "--as", Reporter)).ExitCode);
        var corrected = await _db.RunAsync("results", "values", "correct", secondId, "--value", "61", "--reason", "Revised survey", "--as", Reporter);
        Assert.True(corrected.ExitCode == 0, corrected.ToString());
        var all = await ValuesAsync();
        Assert.Equal(3, all.Count);
        Assert.Equal((ValueStatus.Validated, 59m), (all[1].Status, all[1].Value!.Value));
        Assert.Equal((ValueStatus.Provisional, 61m, "Revised survey", second.Id), (all[2].Status, all[2].Value!.Value, all[2].Reason!, all[2].CorrectsId!.Value));

        var list = await _db.RunAsync("results", "values", "list", "--plan", "SP-I", "--indicator", "1.1.a");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("rejected", list.Out, StringComparison.Ordinal);
        Assert.Contains("validated", list.Out, StringComparison.Ordinal);
        Assert.Contains("provisional", list.Out, StringComparison.Ordinal);
        var onlyProvisional = await _db.RunAsync("results", "values", "list", "--plan", "SP-I", "--status", "provisional", "--json");
        Assert.Contains("61", onlyProvisional.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Source missing", onlyProvisional.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_are_refused_for_the_wrong_person_a_bad_number_or_a_period_outside_the_plan()
    {
        Assert.Equal(0, (await AddAsync()).ExitCode);
        string[] Submit(string period, string value, string who) => ["results", "values", "submit", "--plan", "SP-I", "--indicator", "1.1.a", "--period", period, "--value", value, "--as", who];
        var notOwner = await _db.RunAsync(Submit("2025", "58", OtherReporter));
        Assert.Equal(1, notOwner.ExitCode);
        var notReporter = await _db.RunAsync(Submit("2025", "58", Validator));
        Assert.Equal(1, notReporter.ExitCode);
        Assert.Contains(Validator, notReporter.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await _db.RunAsync(Submit("2025", "58", "nobody@test.example"))).ExitCode);
        Assert.Equal(2, (await _db.RunAsync(Submit("2025", "fifty", Reporter))).ExitCode);
        var outside = await _db.RunAsync(Submit("2031", "58", Reporter));
        Assert.Equal(1, outside.ExitCode);
        Assert.Contains("period", outside.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await _db.RunAsync(Submit("2025", "250", Reporter))).ExitCode); // a percentage above 100
        Assert.Empty(await ValuesAsync());

        Assert.Equal(0, (await _db.RunAsync(Submit("2025", "58", Reporter))).ExitCode);
        var id = (await ValuesAsync())[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A reporter cannot approve; an unknown value is not found; a validated value cannot be resubmitted.
        Assert.Equal(1, (await _db.RunAsync("results", "values", "approve", id, "--as", Reporter)).ExitCode);
        Assert.Equal(1, (await _db.RunAsync("results", "values", "approve", "999999", "--as", Validator)).ExitCode);
        Assert.Equal(ValueStatus.Provisional, (await ValuesAsync())[0].Status);
        Assert.Equal(0, (await _db.RunAsync("results", "values", "approve", id, "--as", Validator)).ExitCode);
        Assert.Equal(1, (await _db.RunAsync(Submit("2025", "60", Reporter))).ExitCode);
        Assert.Single(await ValuesAsync());
    }

    [Fact]
    public async Task Deleting_an_indicator_with_values_needs_yes()
    {
        Assert.Equal(0, (await AddAsync()).ExitCode);
        Assert.Equal(0, (await _db.RunAsync("results", "values", "submit", "--plan", "SP-I", "--indicator", "1.1.a", "--period", "2025", "--value", "58", "--as", Reporter)).ExitCode);
        var refused = await _db.RunAsync("results", "indicators", "delete", "--plan", "SP-I", "--code", "1.1.a");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--yes", refused.Error, StringComparison.Ordinal);
        Assert.NotNull(await IndicatorAsync("1.1.a"));
        Assert.Equal(0, (await _db.RunAsync("results", "indicators", "delete", "--plan", "SP-I", "--code", "1.1.a", "--yes")).ExitCode);
        Assert.Null(await IndicatorAsync("1.1.a"));
        Assert.Empty(await ValuesAsync());
    }
}

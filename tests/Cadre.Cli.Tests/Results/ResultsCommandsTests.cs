using Cadre.Core.Data;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Cadre.Core.Results;
using Cadre.Core.Results.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cadre.Cli.Tests.Results;

public sealed class ResultsCommandsTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public async ValueTask InitializeAsync()
    {
        await _db.MigrateAsync();
        var planId = await PlanningTestData.CreateSmallPlanAsync(_db, "SP-R");
        await _db.WithScopeAsync(async s =>
        {
            var admin = s.GetRequiredService<UserAdministration>();
            await admin.EnsureRolesAsync();
            await admin.CreateAsync(new UserAdministration.CreateRequest("reporter@test.example", "Reporter", [Roles.Reporter], null, "Cadre-test-2026!long"));
            await admin.CreateAsync(new UserAdministration.CreateRequest("validator@test.example", "Validator", [Roles.Validator], null, "Cadre-test-2026!long"));
            var elementId = await s.GetRequiredService<CadreDbContext>().PlanElements.Where(e => e.PlanId == planId && e.Code == "1.1").Select(e => e.Id).SingleAsync();
            foreach (var (code, unit) in new[] { ("1.1.a", "BDT"), ("1.1.b", "TSB") })
            {
                await s.GetRequiredService<SaveIndicator>().HandleAsync(new SaveIndicator.Request(null, planId, elementId, code,
                    new Dictionary<string, string?> { ["en"] = "Indicator " + code }, Measure: Measure.Percentage, BaselineValue: 50, BaselineYear: 2023,
                    EndTarget: 80, ResponsibleUnit: unit));
            }
            return 0;
        });
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<int> CountValuesAsync() => _db.WithScopeAsync(s => s.GetRequiredService<CadreDbContext>().ReportedValues.CountAsync());

    [Fact]
    public async Task The_template_is_written_as_csv_or_xlsx_for_a_plan_or_one_unit()
    {
        var csv = _db.File("values.csv");
        var r = await _db.RunAsync("results", "template", "--plan", "SP-R", "--unit", "BDT", "-o", csv);
        Assert.True(r.ExitCode == 0, r.ToString());
        var lines = await File.ReadAllLinesAsync(csv, Ct);
        Assert.StartsWith("indicator,", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length - 1); // one indicator of BDT × 4 years
        Assert.DoesNotContain(lines, l => l.StartsWith("1.1.b", StringComparison.Ordinal));

        var xlsx = _db.File("values.xlsx");
        Assert.Equal(0, (await _db.RunAsync("results", "template", "--plan", "SP-R", "-o", xlsx)).ExitCode);
        Assert.True(new FileInfo(xlsx).Length > 0);
        Assert.Equal(2, (await _db.RunAsync("results", "template", "--plan", "SP-R", "-o", _db.File("values.txt"))).ExitCode);
        Assert.Equal(1, (await _db.RunAsync("results", "template", "--plan", "NO-SUCH", "-o", csv)).ExitCode);
    }

    [Fact]
    public async Task An_import_with_a_bad_row_prints_every_error_exits_non_zero_and_stores_nothing_then_the_fixed_file_goes_in()
    {
        var file = _db.File("filled.csv");
        await File.WriteAllTextAsync(file, "indicator,period,value\n1.1.a,2024,55\n1.1.a,2031,60\n9.9,2025,1\n1.1.b,2025,lots\n", Ct);
        var bad = await _db.RunAsync("results", "import", file, "--plan", "SP-R", "--as", "reporter@test.example");
        Assert.True(bad.ExitCode == 1, bad.ToString());
        Assert.Contains("Row 3", bad.Error, StringComparison.Ordinal);
        Assert.Contains("Row 4", bad.Error, StringComparison.Ordinal);
        Assert.Contains("Row 5", bad.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Row 2", bad.Error, StringComparison.Ordinal);
        Assert.Equal(0, await CountValuesAsync());

        await File.WriteAllTextAsync(file, "indicator,period,value\n1.1.a,2024,55\n1.1.a,2025,60\n1.1.b,2025,70\n", Ct);
        var dry = await _db.RunAsync("results", "import", file, "--plan", "SP-R", "--as", "reporter@test.example", "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Equal(0, await CountValuesAsync());
        var good = await _db.RunAsync("results", "import", file, "--plan", "SP-R", "--as", "reporter@test.example");
        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Contains("3", good.Out, StringComparison.Ordinal);
        Assert.Equal(3, await CountValuesAsync());
    }

    [Fact]
    public async Task Only_a_reporter_may_import()
    {
        var file = _db.File("filled.csv");
        await File.WriteAllTextAsync(file, "indicator,period,value\n1.1.a,2024,55\n", Ct);
        var r = await _db.RunAsync("results", "import", file, "--plan", "SP-R", "--as", "validator@test.example");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(1, (await _db.RunAsync("results", "import", file, "--plan", "SP-R", "--as", "nobody@test.example")).ExitCode);
        Assert.Equal(2, (await _db.RunAsync("results", "import", _db.File("missing.csv"), "--plan", "SP-R", "--as", "reporter@test.example")).ExitCode);
        Assert.Equal(0, await CountValuesAsync());
    }

    [Fact]
    public async Task The_thresholds_are_shown_and_set_and_the_progress_is_printed_with_them()
    {
        var shown = await _db.RunAsync("results", "thresholds", "--plan", "SP-R");
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("90", shown.Out, StringComparison.Ordinal);
        var set = await _db.RunAsync("results", "thresholds", "--plan", "SP-R", "--on-track", "95", "--at-risk", "50");
        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Contains("95", set.Out, StringComparison.Ordinal);
        // Refused: at risk above on track; nothing changes.
        var wrong = await _db.RunAsync("results", "thresholds", "--plan", "SP-R", "--at-risk", "99");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("95", (await _db.RunAsync("results", "thresholds", "--plan", "SP-R")).Out, StringComparison.Ordinal);

        var progress = await _db.RunAsync("results", "progress", "--plan", "SP-R", "--as-of", "2025");
        Assert.True(progress.ExitCode == 0, progress.ToString());
        Assert.Contains("95", progress.Out, StringComparison.Ordinal);
        Assert.Contains(progress.Out.Split('\n'), l => l.StartsWith("1.1.a\t", StringComparison.Ordinal) && l.TrimEnd().EndsWith("no data", StringComparison.Ordinal));
        Assert.Equal(2, (await _db.RunAsync("results", "progress", "--plan", "SP-R", "--as-of", "1990")).ExitCode);
    }
}

using Cadre.Core.Data;
using Cadre.Core.Demo;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cadre.Cli.Tests.Finance;

public sealed class FinanceCommandsTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public async ValueTask InitializeAsync()
    {
        await _db.MigrateAsync();
        await _db.WithScopeAsync(s => DemoData.LoadAsync(s.GetRequiredService<CadreDbContext>()));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Attribution_as_csv_has_a_column_per_unit_and_totals_that_add_up()
    {
        var result = await _db.RunAsync("finance", "attribution", "--plan", "ITU-SP-2024-2027", "--format", "csv");
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("element,level,GS,ITU-R,ITU-T,ITU-D,total", lines[0]);
        var totalIndex = Array.FindIndex(lines, l => l.StartsWith("total,", StringComparison.Ordinal));
        var rows = lines.Skip(1).Take(totalIndex - 1).Select(l => l.Split(',')).ToList();
        var total = decimal.Parse(lines[totalIndex].Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(total, rows.Sum(r => decimal.Parse(r[^1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(rows, r => r[0] == "TP-D1.O1");
        // Then the totals per strategic goal: the demo's two goals take every franc (every priority and enabler has goal shares).
        var goals = lines.Skip(totalIndex + 1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["1", "2"], goals.Where(r => r[1] == "strategic-goal").Select(r => r[0]));
        Assert.DoesNotContain(goals, r => r[1] == "no-goal");
        Assert.Equal(total, goals.Sum(r => decimal.Parse(r[^1], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Attribution_as_json_lists_units_and_an_unknown_plan_fails()
    {
        var json = await _db.RunAsync("finance", "attribution", "--plan", "ITU-SP-2024-2027", "--format", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var doc = System.Text.Json.Nodes.JsonNode.Parse(json.Out)!;
        Assert.Equal(4, doc["units"]!.AsArray().Count);
        Assert.Equal(2, doc["goals"]!.AsArray().Count);
        var missing = await _db.RunAsync("finance", "attribution", "--plan", "NOPE");
        Assert.Equal(1, missing.ExitCode);
    }

    [Fact]
    public async Task Import_expenditure_prints_row_errors_exits_non_zero_and_stores_nothing_then_imports_a_good_file()
    {
        var before = await _db.CountAsync("fin_expenditure");
        var bad = _db.File("bad.csv");
        await File.WriteAllTextAsync(bad, "year,unit,category,amount\n2025,GS,staff,10\n2026,ITU-X,staff,5\n2026,GS,staff,-1\n", TestContext.Current.CancellationToken);
        var refused = await _db.RunAsync("finance", "import-expenditure", bad);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Row 2:", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Row 3:", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Row 4:", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _db.CountAsync("fin_expenditure"));

        var good = _db.File("good.csv");
        await File.WriteAllTextAsync(good, "year,unit,category,amount,description\n2026,GS,staff,1000.50,Salaries\n2027,ITU-D,non-staff,99.5,Missions\n", TestContext.Current.CancellationToken);
        var dry = await _db.RunAsync("finance", "import-expenditure", good, "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Equal(before, await _db.CountAsync("fin_expenditure"));
        var done = await _db.RunAsync("finance", "import-expenditure", good, "--plan", "ITU-SP-2024-2027");
        Assert.True(done.ExitCode == 0, done.ToString());
        Assert.Equal(before + 2, await _db.CountAsync("fin_expenditure"));
    }
}

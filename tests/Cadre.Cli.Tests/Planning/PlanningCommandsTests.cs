using System.Text.Json.Nodes;
using Cadre.Cli.Infrastructure;
using Xunit;

namespace Cadre.Cli.Tests.Planning;

public sealed class PlanningCommandsTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public async ValueTask InitializeAsync()
    {
        await _db.MigrateAsync();
        await PlanningTestData.CreateSmallPlanAsync(_db, "SP-2024");
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_writes_the_same_bytes_on_every_run_to_stdout_and_to_a_file()
    {
        var first = await _db.RunAsync("planning", "export", "--plan", "SP-2024");
        var second = await _db.RunAsync("planning", "export", "--plan", "SP-2024");
        var file = _db.File("plan.json");
        var toFile = await _db.RunAsync("planning", "export", "--plan", "SP-2024", "-o", file);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(first.Out, second.Out);
        Assert.Equal(0, toFile.ExitCode);
        Assert.Equal("", toFile.Out);
        Assert.Equal(first.Out, await File.ReadAllTextAsync(file, Ct));
        var json = JsonNode.Parse(first.Out)!;
        Assert.Equal("cadre.plan", (string?)json["format"]);
        Assert.Equal(4, json["plan"]!["elements"]!.AsArray().Count);
    }

    [Fact]
    public async Task Importing_an_exported_plan_into_a_fresh_database_then_exporting_gives_identical_JSON()
    {
        var file = _db.File("plan.json");
        Assert.Equal(0, (await _db.RunAsync("planning", "export", "--plan", "SP-2024", "-o", file)).ExitCode);
        var original = await File.ReadAllTextAsync(file, Ct);

        await using var fresh = new TempDatabase();
        await fresh.MigrateAsync();
        var import = await fresh.RunAsync("planning", "import", file);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("SP-2024", import.Out, StringComparison.Ordinal);

        var exported = await fresh.RunAsync("planning", "export", "--plan", "SP-2024");
        Assert.Equal(0, exported.ExitCode);
        Assert.Equal(original, exported.Out);
    }

    [Fact]
    public async Task Import_reads_standard_input_when_the_file_is_a_dash()
    {
        var exported = await _db.RunAsync("planning", "export", "--plan", "SP-2024");
        await using var fresh = new TempDatabase();
        await fresh.MigrateAsync();

        var import = await fresh.RunWithInputAsync(exported.Out, "planning", "import", "-");

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal(exported.Out, (await fresh.RunAsync("planning", "export", "--plan", "SP-2024")).Out);
    }

    [Fact]
    public async Task Importing_a_truncated_file_exits_with_1_and_stores_nothing()
    {
        var exported = await _db.RunAsync("planning", "export", "--plan", "SP-2024");
        await using var fresh = new TempDatabase();
        await fresh.MigrateAsync();
        var file = fresh.File("broken.json");
        await File.WriteAllTextAsync(file, exported.Out[..(exported.Out.Length / 2)], Ct);

        var r = await fresh.RunAsync("planning", "import", file);

        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Contains("file:", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        Assert.Equal(0, await fresh.CountAsync("plan_plans"));
    }

    [Fact]
    public async Task Importing_a_file_that_breaks_the_rules_prints_every_error_with_its_field_and_stores_nothing()
    {
        var exported = await _db.RunAsync("planning", "export", "--plan", "SP-2024");
        var json = JsonNode.Parse(exported.Out)!;
        var elements = json["plan"]!["elements"]!.AsArray();
        elements[1]!["code"] = "1";                       // duplicate of the first element's code
        elements[2]!["title"] = new JsonObject();         // no title
        elements[3]!["weight"] = 5000;                    // out of range
        await using var fresh = new TempDatabase();
        await fresh.MigrateAsync();
        var file = fresh.File("invalid.json");
        await File.WriteAllTextAsync(file, json.ToJsonString(), Ct);

        var r = await fresh.RunAsync("planning", "import", file);

        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Contains("plan.elements[1].code:", r.Error, StringComparison.Ordinal);
        Assert.Contains("plan.elements[2].title:", r.Error, StringComparison.Ordinal);
        Assert.Contains("plan.elements[3].weight:", r.Error, StringComparison.Ordinal);
        Assert.Equal(0, await fresh.CountAsync("plan_plans"));
        Assert.Equal(0, await fresh.CountAsync("plan_elements"));
        Assert.Equal(0, await fresh.CountAsync("plan_vocabularies"));
    }

    [Fact]
    public async Task Importing_a_plan_whose_code_exists_exits_with_1()
    {
        var file = _db.File("plan.json");
        Assert.Equal(0, (await _db.RunAsync("planning", "export", "--plan", "SP-2024", "-o", file)).ExitCode);

        var r = await _db.RunAsync("planning", "import", file);

        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Contains("plan.code:", r.Error, StringComparison.Ordinal);
        Assert.Equal(1, await _db.CountAsync("plan_plans"));
    }

    [Fact]
    public async Task Import_of_a_missing_file_exits_with_2()
    {
        var r = await _db.RunAsync("planning", "import", _db.File("nope.json"));
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
    }

    [Fact]
    public async Task Export_of_an_unknown_plan_exits_with_1()
    {
        var r = await _db.RunAsync("planning", "export", "--plan", "NOPE");
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public async Task List_shows_the_plans_as_a_table_and_as_JSON()
    {
        var table = await _db.RunAsync("planning", "list");
        var json = await _db.RunAsync("planning", "list", "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("SP-2024", table.Out, StringComparison.Ordinal);
        Assert.Contains("2024-2027", table.Out, StringComparison.Ordinal);
        var plans = JsonNode.Parse(json.Out)!.AsArray();
        var plan = Assert.Single(plans);
        Assert.Equal("SP-2024", (string?)plan!["code"]);
        Assert.Equal("draft", (string?)plan["status"]);
        Assert.Equal(4, (int?)plan["elements"]);
    }
}

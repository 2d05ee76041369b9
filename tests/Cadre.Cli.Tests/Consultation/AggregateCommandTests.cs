using System.Text.Json;
using Cadre.Cli.Infrastructure;
using Xunit;

namespace Cadre.Cli.Tests.Consultation;

public sealed class AggregateCommandTests : IAsyncDisposable
{
    private readonly TempDatabase _temp = new();

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    private async Task<CliResult> AggregateAsync(string ballots, params string[] options)
    {
        var path = _temp.File("ballots.csv");
        await File.WriteAllTextAsync(path, ballots, TestContext.Current.CancellationToken);
        return await _temp.RunAsync(["consultation", "aggregate", path, .. options]);
    }

    /// <summary>Six Members' ballots as in seed 003: D.4 first, D.3 and D.2 close behind, D.1 far behind.</summary>
    private const string Seed = """
        # ITU-D objectives, best first
        D.4,D.3,D.2,D.1
        D.4,D.2,D.3,D.1
        D.3,D.4,D.2,D.1
        D.2,D.4,D.3,D.1

        D.4,D.3,D.1,D.2
        D.3,D.2,D.4,D.1
        """;

    private static List<string> Items(CliResult r) =>
        JsonDocument.Parse(r.Out).RootElement.GetProperty("ranking").EnumerateArray().Select(e => e.GetProperty("item").GetString()!).ToList();

    [Theory]
    [InlineData("schulze")]
    [InlineData("borda")]
    [InlineData("mean")]
    public async Task Each_method_prints_the_ranking_as_JSON(string method)
    {
        var r = await AggregateAsync(Seed, "--method", method);
        Assert.True(r.ExitCode == 0, r.ToString());
        using var json = JsonDocument.Parse(r.Out);
        Assert.Equal(method, json.RootElement.GetProperty("method").GetString());
        Assert.Equal(6, json.RootElement.GetProperty("ballots").GetInt32());
        Assert.Equal("D.4", Items(r)[0]);
        Assert.Equal("D.1", Items(r)[^1]);
        Assert.Equal(4, Items(r).Distinct().Count());
    }

    [Fact]
    public async Task Schulze_reports_the_Condorcet_winner_and_the_pairwise_matrix()
    {
        var r = await AggregateAsync(Seed);
        Assert.True(r.ExitCode == 0, r.ToString());
        using var json = JsonDocument.Parse(r.Out);
        Assert.Equal("D.4", json.RootElement.GetProperty("condorcetWinner").GetString());
        var items = json.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetString()).ToList();
        var pairwise = json.RootElement.GetProperty("pairwise");
        // D.4 is ranked above D.1 on every ballot.
        Assert.Equal(6, pairwise[items.IndexOf("D.4")][items.IndexOf("D.1")].GetInt32());
        Assert.Equal(0, pairwise[items.IndexOf("D.1")][items.IndexOf("D.4")].GetInt32());
    }

    [Theory]
    [InlineData("A,B,C\nA,B,B\n", 2, "'B' is ranked twice")]
    [InlineData("A,B,C\nB,C,A\nA,C\n", 3, "omits B")]
    [InlineData("A,B,C\nA,B,D\n", 2, "'D' is not one of")]
    [InlineData("A,A,C\n", 1, "'A' is ranked twice")]
    [InlineData("A,B,C\nA,,C\n", 2, "empty")]
    public async Task Bad_ballots_exit_non_zero_with_the_line_number(string ballots, int line, string reason)
    {
        var r = await AggregateAsync(ballots);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Contains($"Line {line}:", r.Error, StringComparison.Ordinal);
        Assert.Contains(reason, r.Error, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n# only a comment\n")]
    public async Task An_empty_file_exits_non_zero(string ballots)
    {
        var r = await AggregateAsync(ballots);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Contains("no ballot", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_and_an_unknown_method_are_refused()
    {
        var missing = await _temp.RunAsync("consultation", "aggregate", _temp.File("none.csv"));
        Assert.Equal(ExitCodes.Invalid, missing.ExitCode);
        var method = await AggregateAsync(Seed, "--method", "plurality");
        Assert.Equal(ExitCodes.Usage, method.ExitCode);
    }

    [Fact]
    public async Task Quoted_items_may_hold_commas_and_standard_input_is_read_with_a_dash()
    {
        var r = await _temp.RunWithInputAsync("\"Goal 1, connect\",Goal 2\nGoal 2,\"Goal 1, connect\"\n\"Goal 1, connect\",Goal 2\n",
            "consultation", "aggregate", "-", "--method", "borda");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(["Goal 1, connect", "Goal 2"], Items(r));
    }
}

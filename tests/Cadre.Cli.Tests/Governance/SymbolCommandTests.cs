using System.Globalization;
using System.Text.Json;
using Cadre.Cli.Infrastructure;
using Xunit;

namespace Cadre.Cli.Tests.Governance;

public sealed class SymbolCommandTests : IAsyncDisposable
{
    private readonly TempDatabase _temp = new();

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    [Theory]
    [InlineData("TDAG-20/3/3", "TDAG", 20, 3, 3, "Main", null)]
    [InlineData("TDAG-20/DT/7", "TDAG", 20, null, 7, "Temporary", null)]
    [InlineData("TDAG-WG-Prep/25-E", "TDAG-WG-Prep", null, null, 25, "Main", "en")]
    [InlineData("C20/28", "C", 20, null, 28, "Main", null)]
    [InlineData("CWG-SFP 2/6", "CWG-SFP", null, 2, 6, "Main", null)]
    public async Task A_valid_symbol_prints_its_parts_as_JSON_and_exits_0(string symbol, string body, int? year, int? meeting, int number, string series, string? language)
    {
        var result = await _temp.RunAsync(["governance", "symbol", symbol]);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(symbol, json.GetProperty("symbol").GetString());
        Assert.Equal(body, json.GetProperty("body").GetString());
        Assert.Equal(year, json.GetProperty("year").ValueKind == JsonValueKind.Null ? null : json.GetProperty("year").GetInt32());
        Assert.Equal(meeting, json.GetProperty("meeting").ValueKind == JsonValueKind.Null ? null : json.GetProperty("meeting").GetInt32());
        Assert.Equal(number, json.GetProperty("number").GetInt32());
        Assert.Equal(series, json.GetProperty("series").GetString());
        Assert.Equal(language, json.GetProperty("languageCode").GetString());
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Revision_marks_are_printed()
    {
        var result = await _temp.RunAsync(["governance", "symbol", "C20/28(Rev.1)(Add.2)(Corr.1)-F"]);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal((1, 2, 1, "C20/28"), (json.GetProperty("revision").GetInt32(), json.GetProperty("addendum").GetInt32(), json.GetProperty("corrigendum").GetInt32(), json.GetProperty("baseSymbol").GetString()));
    }

    [Theory]
    [InlineData("TDAG-20", "'/'")]
    [InlineData("TDAG-20/3/3-X", "-X")]
    [InlineData("C20/28(Corr.1)(Rev.1)", "order")]
    [InlineData("TDAG-20/0", "start at 1")]
    public async Task An_invalid_symbol_exits_1_with_the_reason_on_stderr_and_nothing_on_stdout(string symbol, string reason)
    {
        var result = await _temp.RunAsync(["governance", "symbol", symbol]);
        Assert.Equal(ExitCodes.Invalid, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Contains(symbol, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reason_is_in_French_under_a_French_culture()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            var exit = await CadreCli.RunAsync(["governance", "symbol", "TDAG-20/3/3-X"], new StringReader(""), output, error, TestContext.Current.CancellationToken);
            Assert.Equal(ExitCodes.Invalid, exit);
            Assert.Contains("suffixe de langue", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

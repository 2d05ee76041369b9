using System.CommandLine;
using Cadre.Cli.Infrastructure;
using Xunit;

namespace Cadre.Cli.Tests;

public sealed class HelpTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string> { "" };
        foreach (var area in new[] { "db", "users", "planning", "drafting", "results", "finance", "consultation", "governance" }) data.Add(area);
        foreach (var c in new[] { "db migrate", "db status", "db backup", "db restore", "users add", "users list", "users token", "users tokens", "users revoke-token", "users disable", "users enable", "planning list", "planning export", "planning import", "drafting outline", "drafting compare", "results template", "results import", "results progress", "results thresholds", "finance attribution", "finance import-expenditure", "consultation aggregate", "governance symbol" })
        {
            data.Add(c);
        }
        foreach (var c in new[] { "report", "export", "report annual", "report evaluation", "export iati" }) data.Add(c);
        foreach (var c in new[] { "results indicators", "results indicators list", "results indicators add", "results indicators update", "results indicators delete", "results values", "results values list", "results values submit", "results values approve", "results values reject", "results values correct" }) data.Add(c);
        data.Add("drafting import-docx");
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_has_help_that_exits_with_0(string command)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();

        var exit = await CadreCli.RunAsync(args, new StringReader(""), output, error, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("", error.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("nonsense")]
    [InlineData("db")]
    [InlineData("planning export")]
    [InlineData("db migrate --no-such-option")]
    public async Task Bad_usage_exits_with_2_and_a_message_on_stderr(string command)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CadreCli.RunAsync(command.Split(' ', StringSplitOptions.RemoveEmptyEntries), new StringReader(""), output, error, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--help", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_French_resources_have_the_same_keys_as_the_English_ones()
    {
        var en = CliText.Manager.GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, true, false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
        var fr = CliText.Manager.GetResourceSet(System.Globalization.CultureInfo.GetCultureInfo("fr"), true, false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(en);
        Assert.Equal(en, fr);
    }
}

using System.Text.Json.Nodes;
using Cadre.Cli.Infrastructure;
using Cadre.Core.Demo;
using Cadre.Text.Docx;
using Xunit;

namespace Cadre.Cli.Tests.Drafting;

public sealed class DraftingCommandsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cadre-cli-drafting-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CadreCli.RunAsync(args, new StringReader(""), output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Outline_prints_the_blocks_and_items_of_a_resolution_as_JSON()
    {
        var file = Write("dubai.txt", DemoDraftingTexts.Dubai + "\nune ligne sans place");
        var (exit, output, _) = await RunAsync("drafting", "outline", file);
        Assert.Equal(ExitCodes.Ok, exit);
        var outline = JsonNode.Parse(output)!;
        Assert.Equal("considérant", (string?)outline["preamble"]![0]!["phrase"]);
        Assert.Equal(2, outline["preamble"]![0]!["items"]!.AsArray().Count);
        Assert.Equal(2, outline["operative"]!.AsArray().Count);
        Assert.Equal(3, outline["operative"]![1]!["items"]!.AsArray().Count);
        Assert.Contains("sans place", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_writes_a_Word_document_whose_tracked_changes_give_both_texts()
    {
        var old = Write("dubai.txt", DemoDraftingTexts.Dubai);
        var proposed = Write("bucarest.txt", DemoDraftingTexts.Bucharest);
        var docx = Path.Combine(_folder.FullName, "redline.docx");
        var (exit, _, err) = await RunAsync("drafting", "compare", old, proposed, "--format", "docx", "-o", docx, "--author", "Mexique");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("redline.docx", err, StringComparison.Ordinal);
        var content = DocxReader.Read(await File.ReadAllBytesAsync(docx, TestContext.Current.CancellationToken));
        Assert.Equal(DemoDraftingTexts.Dubai, content.BaseText);
        Assert.Equal(DemoDraftingTexts.Bucharest, content.ProposedText);
        Assert.Equal(["Mexique"], content.Authors);

        // The DOCX can be an input too (its changes accepted).
        var (exitHtml, html, _) = await RunAsync("drafting", "compare", old, docx, "--format", "html");
        Assert.Equal(ExitCodes.Ok, exitHtml);
        Assert.Contains("<del>2020-2023</del><ins>2024-2027</ins>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json", "\"kind\"")]
    [InlineData("akn", "akomaNtoso")]
    public async Task Compare_prints_json_and_Akoma_Ntoso(string format, string expected)
    {
        var (exit, output, _) = await RunAsync("drafting", "compare", Write("a.txt", "a b c"), Write("b.txt", "a x c"), "--format", format);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_document_an_unknown_format_and_a_missing_file_give_clear_errors()
    {
        var good = Write("a.txt", "a b c");
        var corrupt = Path.Combine(_folder.FullName, "bad.docx");
        await File.WriteAllBytesAsync(corrupt, [(byte)'P', (byte)'K', 3, 4, 0, 0, 1, 2, 3], TestContext.Current.CancellationToken);
        var (exit, _, err) = await RunAsync("drafting", "compare", good, corrupt, "--format", "html");
        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("bad.docx", err, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Usage, (await RunAsync("drafting", "compare", good, good, "--format", "pdf")).Exit);
        Assert.Equal(ExitCodes.Usage, (await RunAsync("drafting", "compare", good, good, "--format", "docx")).Exit);
        Assert.Equal(ExitCodes.Usage, (await RunAsync("drafting", "outline", Path.Combine(_folder.FullName, "missing.txt"))).Exit);
    }
}

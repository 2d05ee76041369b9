using System.CommandLine;
using System.Text.Json;
using Cadre.Cli.Infrastructure;
using Cadre.Core.Drafting;
using Cadre.Text.Diff;
using Cadre.Text.Docx;
using Cadre.Text.Redline;
using Cadre.Text.Structure;

namespace Cadre.Cli.Commands.Drafting;

/// <summary><c>cadre drafting</c>: the outline of a resolution and the redline of two texts, from .txt or .docx files (no database).</summary>
public static class DraftingCommands
{
    /// <summary>Largest input file.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    public static Command Create(CliContext cli)
    {
        var drafting = new Command("drafting", CliText.Get("Drafting.Description"));
        drafting.Subcommands.Add(Outline(cli));
        drafting.Subcommands.Add(Compare(cli));
        return drafting;
    }

    private static Command Outline(CliContext cli)
    {
        var file = new Argument<string>("FILE") { Description = CliText.Get("Drafting.Outline.File") };
        var command = new Command("outline", CliText.Get("Drafting.Outline.Description")) { file };
        cli.SetAction(command, async (r, ct) =>
        {
            var content = await ReadAsync(r.GetValue(file)!, ct);
            var outline = ResolutionParser.Parse(content.ProposedParagraphs);
            cli.Console.Out.WriteLine(JsonSerializer.Serialize(outline, CliJson.Options));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Compare(CliContext cli)
    {
        var oldFile = new Argument<string>("OLD") { Description = CliText.Get("Drafting.Compare.Old") };
        var newFile = new Argument<string>("NEW") { Description = CliText.Get("Drafting.Compare.New") };
        var format = new Option<string>("--format", "-f") { Description = CliText.Get("Drafting.Compare.Format"), DefaultValueFactory = _ => "html", HelpName = "docx|html|json|akn" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = CliText.Get("Drafting.Compare.Output"), HelpName = "OUT" };
        var author = new Option<string>("--author") { Description = CliText.Get("Drafting.Compare.Author"), DefaultValueFactory = _ => Environment.UserName, HelpName = "NAME" };
        var language = new Option<string>("--language") { Description = CliText.Get("Drafting.Compare.Language"), DefaultValueFactory = _ => "en", HelpName = "LANG" };
        var command = new Command("compare", CliText.Get("Drafting.Compare.Description")) { oldFile, newFile, format, output, author, language };
        cli.SetAction(command, async (r, ct) =>
        {
            if (!RedlineExport.TryParseFormat(r.GetValue(format), out var f)) throw CliException.Usage("Drafting.Compare.BadFormat", r.GetValue(format));
            var file = r.GetValue(output);
            if (f == RedlineFormat.Docx && file is null) throw CliException.Usage("Drafting.Compare.NeedOutput");
            var oldText = (await ReadAsync(r.GetValue(oldFile)!, ct)).ProposedText;
            var newText = (await ReadAsync(r.GetValue(newFile)!, ct)).ProposedText;
            var script = WordDiff.Compare(DraftingText.Normalize(oldText), DraftingText.Normalize(newText));
            var rendered = RedlineExport.Render(script, f, new RedlineInfo(r.GetValue(author)!, TimeProvider.System.GetUtcNow().UtcDateTime,
                DraftingDocuments.LanguageTag(r.GetValue(language)!), Path.GetFileNameWithoutExtension(r.GetValue(newFile))));
            if (file is null)
            {
                await cli.Console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(rendered.Content).AsMemory(), ct);
                await cli.Console.Out.FlushAsync(ct);
            }
            else
            {
                var temporary = file.FullName + ".partial";
                await File.WriteAllBytesAsync(temporary, rendered.Content, ct);
                File.Move(temporary, file.FullName, overwrite: true);
                var c = script.Counts;
                cli.Console.Error.WriteLine(CliText.Format("Drafting.Compare.Done", file.FullName, c.WordsInserted, c.WordsDeleted, c.Moves));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<DocxContent> ReadAsync(string path, CancellationToken ct)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw CliException.Usage("Error.FileMissing", info.FullName);
        if (info.Length > MaxFileBytes) throw CliException.Invalid("Drafting.TooLarge", path, MaxFileBytes / (1024 * 1024));
        var bytes = await File.ReadAllBytesAsync(info.FullName, ct);
        try
        {
            return InputDocument.Read(bytes, new DocxReadOptions { MaxFileBytes = MaxFileBytes });
        }
        catch (DocxReadException e)
        {
            throw CliException.Invalid("Drafting.BadFile", path, e.Message);
        }
    }
}

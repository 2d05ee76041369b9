using System.CommandLine;
using System.Text.Json;
using Cadre.Cli.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Drafting;
using Cadre.Core.Drafting.Handlers;
using Cadre.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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
        drafting.Subcommands.Add(ImportDocx(cli));
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

    /// <summary>
    /// <c>cadre drafting import-docx FILE --instrument ID --as EMAIL</c>: a Word document with tracked changes becomes the
    /// base version (matched, or created and published when the user is of the secretariat) plus a draft proposal of the
    /// user's Member, with that user's permissions. Prints what it did (or would do, with --dry-run) as JSON.
    /// </summary>
    private static Command ImportDocx(CliContext cli)
    {
        var file = new Argument<FileInfo>("FILE") { Description = CliText.Get("Drafting.ImportDocx.File") };
        var instrument = new Option<string>("--instrument") { Description = CliText.Get("Drafting.ImportDocx.Instrument"), Required = true, HelpName = "ID|BODY:NUMBER" };
        var user = new Option<string>("--as") { Description = CliText.Get("Drafting.ImportDocx.As"), Required = true, HelpName = "EMAIL" };
        var language = new Option<string>("--language") { Description = CliText.Get("Drafting.Compare.Language"), DefaultValueFactory = _ => "en", HelpName = "LANG" };
        var label = new Option<string?>("--label") { Description = CliText.Get("Drafting.ImportDocx.Label"), HelpName = "LABEL" };
        var title = new Option<string?>("--title") { Description = CliText.Get("Drafting.ImportDocx.Title"), HelpName = "TITLE" };
        var supReason = new Option<string?>("--sup-reason") { Description = CliText.Get("Drafting.ImportDocx.SupReason"), HelpName = "TEXT" };
        var coSigners = new Option<string?>("--co-signers") { Description = CliText.Get("Drafting.ImportDocx.CoSigners"), HelpName = "CODES" };
        var dryRun = new Option<bool>("--dry-run") { Description = CliText.Get("Drafting.ImportDocx.DryRun") };
        var command = new Command("import-docx", CliText.Get("Drafting.ImportDocx.Description")) { file, instrument, user, language, label, title, supReason, coSigners, dryRun };
        cli.SetAction(command, DatabaseUse.Existing, async (r, session, ct) =>
        {
            var info = r.GetValue(file)!;
            var content = await ReadTrackedAsync(info.FullName, ct);
            var email = r.GetValue(user)!.Trim();
            var users = session.Get<UserManager<CadreUser>>();
            var account = await users.FindByEmailAsync(email) ?? throw new CliException(ExitCodes.Invalid, Messages.Format("Error.NotFound.User", email));
            var roles = await users.GetRolesAsync(account);
            var memberCode = account.MemberId is int memberId
                ? await session.Db.Members.Where(m => m.Id == memberId).Select(m => m.Code).FirstOrDefaultAsync(ct)
                : null;
            var options = session.Get<DbContextOptions<CadreDbContext>>();
            await using var db = new CadreDbContext(options, new FixedActor(account.Email ?? email, account.Id, [.. roles], memberCode), session.Get<TimeProvider>());
            var instrumentId = await InstrumentIdAsync(db, r.GetValue(instrument)!, ct);
            var handler = new ImportTrackedChanges(db, new SaveProposal(db));
            var request = new ImportTrackedChanges.Request(instrumentId, r.GetValue(language)!, content.BaseText, content.ProposedText, r.GetValue(label),
                r.GetValue(title) ?? Path.GetFileNameWithoutExtension(info.Name), r.GetValue(supReason) ?? ImportTrackedChanges.DefaultSupReason,
                (r.GetValue(coSigners) ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            try
            {
                var plan = await handler.PreviewAsync(request, ct);
                int? baseId = plan.ExistingBase?.Id, proposalId = null;
                if (!r.GetValue(dryRun))
                {
                    var result = await handler.HandleAsync(request, ct);
                    baseId = result.Base.Id;
                    proposalId = result.Proposal?.Id;
                }
                var summary = new
                {
                    saved = !r.GetValue(dryRun),
                    baseVersionId = baseId,
                    baseCreated = plan.CreatesBase,
                    proposalId,
                    authors = content.Authors,
                    trackedChanges = content.Changes.Count,
                    changes = plan.Changes,
                };
                cli.Console.Out.WriteLine(JsonSerializer.Serialize(summary, CliJson.Options));
                return ExitCodes.Ok;
            }
            catch (ValidationFailedException e)
            {
                foreach (var (field, messages) in e.Errors)
                {
                    foreach (var m in messages) cli.Console.Error.WriteLine($"{field}: {m}");
                }
                return ExitCodes.Invalid;
            }
            catch (ForbiddenException e)
            {
                throw new CliException(ExitCodes.Invalid, e.Message);
            }
        });
        return command;
    }

    private static async Task<int> InstrumentIdAsync(CadreDbContext db, string key, CancellationToken ct)
    {
        if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && await db.Instruments.AnyAsync(i => i.Id == id, ct)) return id;
        var parts = key.Split(':', 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 2)
        {
            var found = await db.Instruments.Where(i => i.Body == parts[0] && i.Number == parts[1]).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
            if (found is int f) return f;
        }
        throw CliException.Invalid("Drafting.ImportDocx.NoInstrument", key);
    }

    private static async Task<Cadre.Text.Docx.TrackedChangesDocument> ReadTrackedAsync(string path, CancellationToken ct)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw CliException.Usage("Error.FileMissing", info.FullName);
        if (info.Length > MaxFileBytes) throw CliException.Invalid("Drafting.TooLarge", path, MaxFileBytes / (1024 * 1024));
        var bytes = await File.ReadAllBytesAsync(info.FullName, ct);
        try
        {
            return TrackedChangesReader.Read(bytes, new DocxReadOptions { MaxFileBytes = MaxFileBytes });
        }
        catch (DocxReadException e)
        {
            throw CliException.Invalid("Drafting.BadFile", path, e.Message);
        }
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

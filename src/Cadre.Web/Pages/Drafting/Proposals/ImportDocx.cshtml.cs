using Cadre.Core.Common;
using Cadre.Core.Drafting;
using Cadre.Core.Drafting.Handlers;
using Cadre.Text.Diff;
using Cadre.Text.Docx;
using Cadre.Text.Structure;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Drafting.Proposals;

/// <summary>
/// Imports a Word document with tracked changes as a base version (when the instrument does not have it yet) plus a
/// proposal of the user's Member. The first post reads the file and shows the outline, the tracked changes and the
/// proposal's changes provision by provision; the texts travel in the form (no server-side state), and the second
/// post saves them through <see cref="ImportTrackedChanges"/>, which checks everything again.
/// </summary>
[RequestSizeLimit(MaxUploadBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes + 64 * 1024, ValueLengthLimit = 8 * 1024 * 1024)]
public sealed class ImportDocxModel(DraftingQueries queries, ImportTrackedChanges handler) : DraftingPageModel
{
    public const int MaxUploadBytes = 5 * 1024 * 1024;

    /// <summary>The limits of an uploaded document (as the version import's).</summary>
    public static readonly DocxReadOptions Limits = new() { MaxFileBytes = MaxUploadBytes, MaxUnpackedBytes = 32 * 1024 * 1024, MaxCharactersInPart = 32 * 1024 * 1024 };

    public Instrument Instrument { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ImportTrackedChanges.Plan? Plan { get; private set; }
    public ResolutionOutline? Outline { get; private set; }
    public IReadOnlyList<(ProvisionChange Change, EditScript Script)> Changes { get; private set; } = [];

    public sealed class InputModel
    {
        public string Language { get; set; } = "en";
        public IFormFile? File { get; set; }
        public string? BaseLabel { get; set; }
        public string? Title { get; set; }
        public string? SupReason { get; set; }
        public string? CoSigners { get; set; }
        /// <summary>Filled by the preview: the document's text with its changes rejected, and accepted.</summary>
        public string? BaseText { get; set; }
        public string? ProposedText { get; set; }
        /// <summary>Filled by the preview: who made the tracked changes and when, for the second page.</summary>
        public string? Tracked { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int instrumentId, CancellationToken ct)
    {
        if (!IsSecretariat && !CanPropose) return Refuse();
        if (await queries.GetInstrumentAsync(instrumentId, ct) is not { } i) return NotFound();
        Instrument = i;
        Input.Language = i.Versions.LastOrDefault(v => v.IsPublished)?.Language ?? "en";
        Input.SupReason = ImportTrackedChanges.DefaultSupReason;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(int instrumentId, CancellationToken ct)
    {
        if (!IsSecretariat && !CanPropose) return Refuse();
        if (await queries.GetInstrumentAsync(instrumentId, ct) is not { } i) return NotFound();
        Instrument = i;
        if (Input.File is not { Length: > 0 } file)
        {
            ModelState.AddModelError("Input.File", T("ImportDocx.NoFile"));
            return Page();
        }
        if (file.Length > MaxUploadBytes)
        {
            ModelState.AddModelError("Input.File", T("Import.TooLarge", MaxUploadBytes / (1024 * 1024)));
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        TrackedChangesDocument document;
        try
        {
            document = TrackedChangesReader.Read(buffer.ToArray(), Limits);
        }
        catch (DocxReadException e)
        {
            ModelState.AddModelError("Input.File", T("Import.BadFile", e.Message));
            return Page();
        }
        Input.BaseText = DraftingText.Normalize(document.BaseText);
        Input.ProposedText = DraftingText.Normalize(document.ProposedText);
        Input.Tracked = document.HasTrackedChanges
            ? T("ImportDocx.TrackedSummary", document.Changes.Count, string.Join(", ", document.Authors.DefaultIfEmpty("?")),
                document.FirstDateUtc?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "?",
                document.LastDateUtc?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "?")
            : T("ImportDocx.NoTracked");
        if (string.IsNullOrWhiteSpace(Input.Title)) Input.Title = Path.GetFileNameWithoutExtension(file.FileName);
        if (string.IsNullOrWhiteSpace(Input.SupReason)) Input.SupReason = ImportTrackedChanges.DefaultSupReason;
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        return await ShowPlanAsync(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(int instrumentId, CancellationToken ct)
    {
        if (!IsSecretariat && !CanPropose) return Refuse();
        if (await queries.GetInstrumentAsync(instrumentId, ct) is not { } i) return NotFound();
        Instrument = i;
        try
        {
            var result = await handler.HandleAsync(ToRequest(), ct);
            if (result.Proposal is { } p)
            {
                Flash(T("ImportDocx.Saved", p.Id));
                return Redirect($"/Drafting/Proposals/{p.Id}");
            }
            Flash(T("ImportDocx.SavedBase", result.Base.Label));
            return Redirect($"/Drafting/Versions/{result.Base.Id}");
        }
        catch (CadreException ex)
        {
            if (Fail(ex, "Input") is { } failed) return failed;
            await PlanAsync(ct, addErrors: false);
            return Page();
        }
    }

    private async Task<IActionResult> ShowPlanAsync(CancellationToken ct)
    {
        try
        {
            await PlanAsync(ct);
        }
        catch (CadreException ex)
        {
            if (Fail(ex, "Input") is { } failed) return failed;
        }
        return Page();
    }

    /// <summary>Shows what the document proposes, with the errors still to fix (title, label, reason) next to their fields.</summary>
    private async Task PlanAsync(CancellationToken ct, bool addErrors = true)
    {
        if (string.IsNullOrEmpty(Input.BaseText)) return;
        var plan = await handler.PlanAsync(ToRequest(), ct);
        if (addErrors && plan.Errors is { } errors) Fail(errors, "Input");
        Plan = plan;
        Outline = ResolutionParser.Parse(plan.BaseParagraphs);
        Changes = plan.Changes.Select(c =>
        {
            var before = c.Action == ProvisionAction.Add || c.Provision == 0 ? "" : plan.BaseParagraphs[c.Provision - 1];
            var after = c.Action == ProvisionAction.Sup ? "" : c.Text ?? "";
            return (c, WordDiff.Compare(before, after, new WordDiffOptions { DetectMoves = false }));
        }).ToList();
    }

    private ImportTrackedChanges.Request ToRequest() => new(
        Instrument.Id,
        Input.Language,
        Input.BaseText ?? "",
        Input.ProposedText ?? "",
        Input.BaseLabel,
        Input.Title,
        Input.SupReason,
        (Input.CoSigners ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private string T(string key, params object[] args) =>
        HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.DraftingText>>()[key, args];
}

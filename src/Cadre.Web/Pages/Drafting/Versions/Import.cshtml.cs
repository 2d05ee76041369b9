using Cadre.Core.Common;
using Cadre.Core.Drafting;
using Cadre.Core.Drafting.Handlers;
using Cadre.Text.Docx;
using Cadre.Text.Structure;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Drafting.Versions;

/// <summary>
/// Imports a version from a .txt or .docx file (or pasted text): the first post shows the outline and what the
/// parser could not place; the second saves. A DOCX with tracked changes is imported as its base text (changes rejected).
/// </summary>
[RequestSizeLimit(MaxUploadBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes + 64 * 1024)]
public sealed class ImportModel(DraftingQueries queries) : DraftingPageModel
{
    public const int MaxUploadBytes = 5 * 1024 * 1024;

    public Instrument Instrument { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ResolutionOutline? Preview { get; private set; }
    public IReadOnlyList<string> TrackedAuthors { get; private set; } = [];

    public sealed class InputModel
    {
        public string? Label { get; set; }
        public string Language { get; set; } = "en";
        public string? Text { get; set; }
        public bool Publish { get; set; }
        public IFormFile? File { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int instrumentId, CancellationToken ct)
    {
        if (!IsSecretariat) return Refuse();
        if (await queries.GetInstrumentAsync(instrumentId, ct) is not { } i) return NotFound();
        Instrument = i;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(int instrumentId, CancellationToken ct)
    {
        if (!IsSecretariat) return Refuse();
        if (await queries.GetInstrumentAsync(instrumentId, ct) is not { } i) return NotFound();
        Instrument = i;
        if (Input.File is { Length: > 0 } file)
        {
            if (file.Length > MaxUploadBytes)
            {
                ModelState.AddModelError("Input.File", T("Import.TooLarge", MaxUploadBytes / (1024 * 1024)));
                return Page();
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            try
            {
                var content = InputDocument.Read(buffer.ToArray(), new DocxReadOptions { MaxFileBytes = MaxUploadBytes, MaxUnpackedBytes = 32 * 1024 * 1024, MaxCharactersInPart = 32 * 1024 * 1024 });
                Input.Text = content.BaseText;
                TrackedAuthors = content.HasTrackedChanges ? (content.Authors.Count > 0 ? content.Authors : ["?"]) : [];
            }
            catch (DocxReadException e)
            {
                ModelState.AddModelError("Input.File", T("Import.BadFile", e.Message));
                return Page();
            }
        }
        Input.Text = DraftingText.Normalize(Input.Text);
        if (Input.Text.Length == 0)
        {
            ModelState.AddModelError("Input.Text", T("Import.NoText"));
            return Page();
        }
        ModelState.Remove("Input.Text");
        Preview = ResolutionParser.Parse(DraftingText.Paragraphs(Input.Text));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int instrumentId, [FromServices] CreateVersion handler, CancellationToken ct)
    {
        if (!IsSecretariat) return Refuse();
        if (await queries.GetInstrumentAsync(instrumentId, ct) is not { } i) return NotFound();
        Instrument = i;
        try
        {
            var v = await handler.HandleAsync(new CreateVersion.Request(instrumentId, Input.Label ?? "", Input.Language, Input.Text ?? "", Input.Publish), ct);
            return Redirect($"/Drafting/Versions/{v.Id}");
        }
        catch (CadreException ex)
        {
            if (Fail(ex, "Input") is { } result) return result;
            if (!string.IsNullOrWhiteSpace(Input.Text)) Preview = ResolutionParser.Parse(DraftingText.Paragraphs(Input.Text));
            return Page();
        }
    }

    private string T(string key, params object[] args) =>
        HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.DraftingText>>()[key, args];
}

using Cadre.Web.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Governance.Documents;

/// <summary>
/// A document: its symbol parsed, type, source, dates, files per language (download; upload for the secretariat),
/// its other versions (revisions, addenda, corrigenda) and its references both ways. A members-only document does
/// not exist (404) for those who may not read it.
/// </summary>
[RequestSizeLimit(MaxFormBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFormBytes)]
public sealed class DetailsModel(DocumentQueries queries, CadreDbContext db) : DocumentsPageModel
{
    public DocumentDetail Document { get; private set; } = null!;
    public (int Id, string Title)? Meeting { get; private set; }
    public bool CanUpload => DocumentPermissions.CanRegister(Actor);

    /// <summary>The language of the file to upload (kept when the upload is refused).</summary>
    public string UploadLanguage { get; private set; } = "en";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } d) return false;
        Document = d;
        if (d.MeetingId is int m)
        {
            var title = await db.Meetings.AsNoTracking().Where(x => x.Id == m).Select(x => x.Title).FirstOrDefaultAsync(ct);
            if (title is not null) Meeting = (m, title.Local());
        }
        return true;
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, int? version, string? language, IFormFile? file, [FromServices] UploadDocumentFile upload, CancellationToken ct)
    {
        if (!CanUpload) return Refuse();
        if (!await LoadAsync(id, ct)) return NotFound();
        UploadLanguage = LocalizedText.IsSupported(language) ? language! : "en";
        var content = await ReadUploadAsync(file, UploadLanguage, ct);
        if (content is null)
        {
            ModelState.AddModelError("file", D("Upload.Missing"));
            return Page();
        }
        try
        {
            await upload.HandleAsync(new UploadDocumentFile.Request(id, version, content), ct);
            Flash(D("Upload.Done", DocumentsFormat.LanguageName(UploadLanguage), content.FileName));
            return Redirect($"/Governance/Documents/{id}");
        }
        catch (CadreException ex)
        {
            if (ex is ValidationFailedException v)
            {
                foreach (var message in v.Errors.SelectMany(e => e.Value)) ModelState.AddModelError("file", message);
                return Page();
            }
            return FailAtTop(ex) ?? Page();
        }
    }
}

using Cadre.Web.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Governance.Documents;

/// <summary>
/// Registers a document under its symbol, with its first file (the secretariat and chairs). The symbol is
/// parsed and checked against the body's scheme; its errors are shown on the field.
/// </summary>
[Authorize]
[RequestSizeLimit(MaxFormBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFormBytes)]
public sealed class RegisterModel(CadreDbContext db, RegisterDocument register) : DocumentsPageModel
{
    public sealed class InputModel
    {
        public string? Symbol { get; set; }
        public DocumentType Type { get; set; } = DocumentType.Contribution;
        public string? TitleEn { get; set; }
        public string? TitleFr { get; set; }
        public DocumentAccess Access { get; set; } = DocumentAccess.Public;
        public bool FromSecretariat { get; set; }
        public List<string> SourceMembers { get; set; } = [];
        public DateOnly? DocumentDate { get; set; }
        public int? BodyId { get; set; }
        public int? MeetingId { get; set; }
        public string? References { get; set; }
        public string? OriginalLanguage { get; set; }
        public string FileLanguage { get; set; } = "en";
        public IFormFile? File { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Code)> Bodies { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Meetings { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Members { get; private set; } = [];

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Bodies = (await db.Bodies.AsNoTracking().OrderBy(b => b.Code).Select(b => new { b.Id, b.Code }).ToListAsync(ct)).Select(b => (b.Id, b.Code)).ToList();
        var meetings = await db.Meetings.AsNoTracking().OrderByDescending(m => m.StartUtc).Take(200)
            .Select(m => new { m.Id, m.Body!.Code, m.Title, m.StartUtc }).ToListAsync(ct);
        Meetings = meetings.Select(m => (m.Id, $"{m.Code} — {m.Title.Local()} ({GovernanceFormat.Day(DateOnly.FromDateTime(m.StartUtc))})")).ToList();
        var members = await db.Members.AsNoTracking().OrderBy(m => m.Code).Select(m => new { m.Code, m.Name }).ToListAsync(ct);
        Members = members.Select(m => (m.Code, m.Name.Local())).ToList();
    }

    public async Task<IActionResult> OnGetAsync(int? body, int? meeting, CancellationToken ct)
    {
        if (!DocumentPermissions.CanRegister(Actor)) return Refuse();
        await LoadChoicesAsync(ct);
        Input.BodyId = body;
        Input.MeetingId = meeting;
        if (meeting is int m && await db.Meetings.AsNoTracking().Where(x => x.Id == m).Select(x => (int?)x.BodyId).FirstOrDefaultAsync(ct) is int b) Input.BodyId = b;
        Input.DocumentDate = DateOnly.FromDateTime(db.UtcNow);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!DocumentPermissions.CanRegister(Actor)) return Refuse();
        await LoadChoicesAsync(ct);
        // The handler checks every field; the binder's own messages (a malformed date) are replaced by its.
        var badDate = ModelState["Input.DocumentDate"]?.Errors.Count > 0;
        ModelState.Clear();
        if (badDate)
        {
            ModelState.AddModelError("Input.DocumentDate", D("Register.BadDate"));
            return Page();
        }
        var files = new List<FileUpload>();
        if (await ReadUploadAsync(Input.File, Input.FileLanguage, ct) is { } upload) files.Add(upload);
        var references = (Input.References ?? "").Split([';', '\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        try
        {
            var document = await register.HandleAsync(new RegisterDocument.Request(
                Input.Symbol ?? "", Input.Type, new Dictionary<string, string?> { ["en"] = Input.TitleEn, ["fr"] = Input.TitleFr }, Input.Access,
                Input.FromSecretariat ? [] : Input.SourceMembers, Input.FromSecretariat, Input.DocumentDate, Input.BodyId, Input.MeetingId, references, files,
                string.IsNullOrEmpty(Input.OriginalLanguage) ? null : Input.OriginalLanguage), ct);
            Flash(D("Register.Done", document.Symbol));
            return Redirect($"/Governance/Documents/{document.Id}");
        }
        catch (CadreException ex)
        {
            if (ex is ValidationFailedException v)
            {
                foreach (var (field, messages) in v.Errors)
                {
                    foreach (var m in messages) ModelState.AddModelError(FieldName(field), m);
                }
                return Page();
            }
            return Fail(ex) ?? Page();
        }
    }

    /// <summary>The form field a handler's error belongs to.</summary>
    private static string FieldName(string field) => field switch
    {
        "symbol" => "Input.Symbol",
        "title" or "title.en" => "Input.TitleEn",
        "title.fr" => "Input.TitleFr",
        "type" => "Input.Type",
        "access" => "Input.Access",
        "sourceMembers" => "Input.SourceMembers",
        "references" => "Input.References",
        "bodyId" => "Input.BodyId",
        "meetingId" => "Input.MeetingId",
        "originalLanguage" => "Input.OriginalLanguage",
        _ when field.StartsWith("files", StringComparison.Ordinal) => "Input.File",
        _ => string.Empty,
    };
}

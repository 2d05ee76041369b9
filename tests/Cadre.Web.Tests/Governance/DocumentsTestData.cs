using System.Net;
using System.Net.Http.Json;
using System.Text;
using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Documents;
using Cadre.Web.Api.Governance.Documents;
using Cadre.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Cadre.Web.Tests.Governance;

/// <summary>Bodies, meetings and documents for the registry and contribution tests.</summary>
public static class DocumentsTestData
{
    /// <summary>A body stored directly (its API belongs to the bodies part of Governance), with an optional meeting and contribution deadline.</summary>
    public static async Task<(int BodyId, int? MeetingId)> BodyAsync(CadreWebFactory app, string code, bool correspondence = true,
        DateOnly? deadline = null, bool meeting = false, BodyKind kind = BodyKind.AdvisoryGroupWorkingGroup)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var db = app.NewDbContext();
        var body = new Body { Code = code, Kind = kind, Name = new LocalizedText(code, code), WorksByCorrespondence = correspondence, MeetsVirtually = true };
        db.Set<Body>().Add(body);
        await db.SaveChangesAsync();
        Meeting? m = null;
        if (meeting)
        {
            var start = new DateTime(2099, 7, 17, 11, 0, 0, DateTimeKind.Utc);
            m = new Meeting { BodyId = body.Id, Title = new LocalizedText("Meeting", "Réunion"), StartUtc = start, EndUtc = start.AddHours(3), TimeZone = "UTC" };
            db.Set<Meeting>().Add(m);
            await db.SaveChangesAsync();
        }
        if (deadline is DateOnly d)
        {
            db.Set<WorkItem>().Add(new WorkItem { BodyId = body.Id, Kind = WorkItemKind.ContributionDeadline, Title = new LocalizedText("Contributions due"), DueOn = d, MeetingId = m?.Id });
            await db.SaveChangesAsync();
        }
        return (body.Id, m?.Id);
    }

    public static DocumentFileUpload Text(string language, string fileName, string text) =>
        new(language, fileName, Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));

    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(paragraphs.Select(p => new W.Paragraph(new W.Run(new W.Text(p))))));
        }
        return stream.ToArray();
    }

    public static RegisterDocumentRequest Request(string symbol, string en, string? fr = null, DocumentAccess access = DocumentAccess.Public,
        List<DocumentFileUpload>? files = null, int? bodyId = null, List<string>? references = null) =>
        new(symbol, DocumentType.Report, new() { ["en"] = en, ["fr"] = fr }, access, null, true, new DateOnly(2020, 11, 30), bodyId, null, references, files);

    public static async Task<DocumentResponse> RegisterAsync(HttpClient client, RegisterDocumentRequest request, CancellationToken ct) =>
        await Rest.ReadAsync<DocumentResponse>(await client.PostAsJsonAsync("/api/v1/documents", request, Rest.Json, ct), HttpStatusCode.Created);
}

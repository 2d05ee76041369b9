using System.Security.Cryptography;
using Cadre.Core.Data;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Reporting.Writers;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Reporting.Handlers;

/// <summary>
/// The files of a report. They are generated while the report is a draft, so they say "Draft"; when the report
/// moves on (submitted to Council, considered, published), <see cref="RelabelAsync"/> writes each kept file again
/// from the model snapshot kept with it, with its status line set to the new status and nothing else changed: the
/// figures, narratives, charts and generation time are those of the snapshot, never reloaded. After publication the
/// report no longer moves, so its files never change again (docs/reporting.md).
/// </summary>
public static class ReportFiles
{
    public static (byte[] Bytes, string ContentType, string Extension) Write(ReportFormat format, ReportDocument model) => format switch
    {
        ReportFormat.Docx => (DocxReportWriter.Write(model), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        ReportFormat.Html => (HtmlReportWriter.Write(model), "text/html; charset=utf-8", "html"),
        _ => (XlsxReportWriter.Write(model), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    };

    /// <summary>The status line printed in a report's files, in the file's language.</summary>
    public static string StatusLabel(string language, ReportWorkflowStatus status) => ReportText.Get(language, "ReportStatus." + status);

    /// <summary>Rewrites the report's files whose status line is not the report's status (saved by the caller's
    /// SaveChangesAsync, with the transition). Returns how many were rewritten.</summary>
    public static async Task<int> RelabelAsync(CadreDbContext db, Report report, CancellationToken ct)
    {
        var artefacts = await db.ReportArtefacts.Where(a => a.ReportId == report.Id).ToListAsync(ct);
        var count = 0;
        foreach (var artefact in artefacts)
        {
            var model = ReportJson.Deserialize(artefact.ModelJson);
            var label = StatusLabel(model.Metadata.Language, report.Status);
            if (model.Metadata.Status == label) continue;
            model = model with { Metadata = model.Metadata with { Status = label } };
            var (bytes, _, _) = Write(artefact.Format, model);
            artefact.Content = bytes;
            artefact.SizeBytes = bytes.LongLength;
            artefact.Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            artefact.ModelJson = ReportJson.Serialize(model);
            count++;
        }
        return count;
    }
}

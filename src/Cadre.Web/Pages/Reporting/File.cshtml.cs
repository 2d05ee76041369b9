using Microsoft.AspNetCore.Mvc;
using Cadre.Core.Common;
using Cadre.Core.Reporting;
using Cadre.Core.Reporting.Model;
using Cadre.Core.Reporting.Writers;

namespace Cadre.Web.Pages.Reporting;

/// <summary>
/// Downloads a generated file, or (handler <c>Csv</c>) every table of its report as CSV files in a ZIP archive, from the
/// data snapshot kept with the file: anyone for a published report, only draft readers before.
/// </summary>
public sealed class FileModel(ReportingQueries queries) : ReportingPageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        try
        {
            var file = await queries.ArtefactAsync(id, ct);
            return File(file.Content, file.ContentType, file.FileName);
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? NotFound();
        }
    }

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        try
        {
            var file = await queries.ArtefactAsync(id, ct);
            return File(CsvTableWriter.WriteZip(ReportJson.Deserialize(file.ModelJson)), "application/zip",
                Path.GetFileNameWithoutExtension(file.FileName) + "-tables.zip");
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? NotFound();
        }
    }
}

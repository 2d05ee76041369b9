using Microsoft.AspNetCore.Mvc;
using Cadre.Core.Common;
using Cadre.Core.Reporting;

namespace Cadre.Web.Pages.Reporting;

/// <summary>Downloads a generated file: anyone for a published report, only draft readers before.</summary>
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
}

using Microsoft.AspNetCore.Mvc;
using Cadre.Core.Common;
using Cadre.Core.Reporting;

namespace Cadre.Web.Pages.Reporting;

/// <summary>
/// A generation job's progress. No script and no automatic refresh (an automatic reload would move screen
/// readers and breaks WCAG 2.2.1): the page says where the job is and offers a reload link while it runs.
/// </summary>
public sealed class JobModel(ReportingQueries queries) : ReportingPageModel
{
    public ReportGenerationJob Job { get; private set; } = null!;
    public Report Report { get; private set; } = null!;

    public bool Running => Job.Status is ReportJobStatus.Queued or ReportJobStatus.Running;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        try
        {
            Job = await queries.JobAsync(id, ct);
            Report = await queries.GetAsync(Job.ReportId, ct);
            return Page();
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? NotFound();
        }
    }

    public string ReportTitle => Title(Report.Plan?.Code ?? "", Report.Kind, Report.Year, Report.VersionNumber);
}

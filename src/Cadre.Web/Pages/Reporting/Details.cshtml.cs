using Microsoft.AspNetCore.Mvc;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Reporting;
using Cadre.Core.Reporting.Handlers;
using Cadre.Core.Reporting.Model;
using Cadre.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Reporting;

/// <summary>
/// A report: its status and the Council's decision, the workflow steps the reader may take (each on its own
/// confirmation page), the narratives per section and language, generation in a format and language, the
/// jobs with their progress, and the files.
/// </summary>
public sealed class DetailsModel(ReportingQueries queries, CadreDbContext db, QueueReportGeneration queue, QueueReportGenerationSet queueSet, ReportWorker worker) : ReportingPageModel
{
    public static readonly IReadOnlyList<string> ReportLanguages = ["en", "fr"];

    public Report Report { get; private set; } = null!;
    public string PlanCode => Report.Plan?.Code ?? "";
    public IReadOnlyList<(string Key, string Title)> Sections { get; private set; } = [];
    public IReadOnlyList<ReportingQueries.ArtefactSummary> Files { get; private set; } = [];
    public IReadOnlyList<ReportGenerationJob> Jobs { get; private set; } = [];
    public string? NextPlanCode { get; private set; }
    public bool HasHtml => Files.Any(f => f.Format == ReportFormat.Html);

    [BindProperty]
    public ReportFormat Format { get; set; } = ReportFormat.Docx;

    [BindProperty]
    public string Language { get; set; } = "en";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        try
        {
            await LoadAsync(id, ct);
            return Page();
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? Page();
        }
    }

    public async Task<IActionResult> OnPostGenerateAsync(int id, CancellationToken ct)
    {
        if (!CanManage) return Refuse();
        try
        {
            var job = await queue.HandleAsync(new QueueReportGeneration.Request(id, Format, Language), ct);
            worker.Wake();
            return Redirect($"/Reporting/Jobs/{job.Id}");
        }
        catch (CadreException ex)
        {
            if (FailAtTop(ex) is { } result) return result;
        }
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>Word, HTML and Excel in English and French in one action: six jobs, then back to the report's page and its job list.</summary>
    public async Task<IActionResult> OnPostGenerateAllAsync(int id, CancellationToken ct)
    {
        if (!CanManage) return Refuse();
        try
        {
            var jobs = await queueSet.HandleAsync(new QueueReportGenerationSet.Request(id), ct);
            worker.Wake();
            Flash(Text("Generate.AllQueued", jobs.Count));
            return Redirect($"/Reporting/{id}#jobs");
        }
        catch (CadreException ex)
        {
            if (FailAtTop(ex) is { } result) return result;
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        Report = await queries.GetAsync(id, ct);
        Files = await queries.ArtefactsAsync(id, ct);
        Jobs = await queries.JobsAsync(id, 10, ct);
        var lang = Localization.CurrentLanguage;
        var elements = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == Report.PlanId)
            .OrderBy(e => e.SortOrder).ThenBy(e => e.Code).Select(e => new { e.Code, e.Title }).ToListAsync(ct);
        Sections = [(ReportBuilder.SummaryKey, Text("Narrative.Summary")),
            .. elements.Select(e => (ReportBuilder.ElementKey(e.Code), e.Code + " " + e.Title.Get(lang)))];
        if (Report.NextPlanId is int next) NextPlanCode = await db.Plans.Where(p => p.Id == next).Select(p => p.Code).FirstOrDefaultAsync(ct);
    }

    public ReportNarrativeText? Narrative(string key, string language) =>
        Report.Narratives.FirstOrDefault(n => n.SectionKey == key && n.Language == language);

    public string JobStatus(ReportGenerationJob job) => Text("Job.Status." + job.Status);

    public string JobStage(ReportGenerationJob job) => Text("Job.Stage." + job.Stage);
}

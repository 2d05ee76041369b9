using Microsoft.AspNetCore.Mvc;
using Cadre.Core.Common;
using Cadre.Core.Reporting;
using Cadre.Core.Reporting.Handlers;

namespace Cadre.Web.Pages.Reporting;

/// <summary>
/// Writes one section's narrative in one language while the report is a draft (Planner). The version read
/// goes with the form: if someone saved the same narrative in between, the save is refused and their text shown.
/// </summary>
public sealed class NarrativeModel(ReportingQueries queries, SaveReportNarrative handler) : ReportingPageModel
{
    public Report Report { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string Section { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Language { get; set; } = "en";

    [BindProperty(Name = "Text")]
    public string? Body { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!CanManage) return Refuse();
        try
        {
            Report = await queries.GetAsync(id, ct);
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? NotFound();
        }
        var existing = Report.Narratives.FirstOrDefault(n => n.SectionKey == Section && n.Language == Language);
        Body = existing?.Text;
        Version = existing?.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanManage) return Refuse();
        try
        {
            await handler.HandleAsync(new SaveReportNarrative.Request(id, Section, Language, Body, Version), ct);
            Flash(Text("Narrative.Saved"));
            return Redirect($"/Reporting/{id}");
        }
        catch (CadreException ex)
        {
            if (Fail(ex) is { } result) return result;
        }
        try
        {
            Report = await queries.GetAsync(id, ct);
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? NotFound();
        }
        // The next save is made against what is stored now (shown above the form after a conflict).
        Version = Report.Narratives.FirstOrDefault(n => n.SectionKey == Section && n.Language == Language)?.Version;
        return Page();
    }

    public string SectionTitle => Section == Core.Reporting.Model.ReportBuilder.SummaryKey ? Text("Narrative.Summary") : Section.Replace("element:", "", StringComparison.Ordinal);

    /// <summary>The text saved by someone else, when a save was refused for a conflict.</summary>
    public string? Current => Report.Narratives.FirstOrDefault(n => n.SectionKey == Section && n.Language == Language)?.Text;
}

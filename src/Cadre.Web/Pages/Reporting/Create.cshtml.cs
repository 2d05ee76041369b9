using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Reporting.Handlers;
using Cadre.Core.Reporting.Model;

namespace Cadre.Web.Pages.Reporting;

/// <summary>Starts a plan's annual report for a year, or its end-of-period evaluation (Planner).</summary>
public sealed class CreateModel(PlanningQueries plans, CreateReport handler) : ReportingPageModel
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Plan")]
    public int? Plan { get; set; }

    [BindProperty]
    public ReportKind Kind { get; set; } = ReportKind.Annual;

    [BindProperty]
    public int? Year { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!CanManage) return Refuse();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanManage) return Refuse();
        try
        {
            if (Plan is null) throw new ValidationFailedException("plan", Messages.Get("Error.Required"));
            if (Kind == ReportKind.Annual && Year is null) throw new ValidationFailedException("year", Messages.Get("Error.Required"));
            var report = await handler.HandleAsync(new CreateReport.Request(Plan.Value, Kind, Year ?? 0), ct);
            Flash(Text("Create.Done"));
            return Redirect($"/Reporting/{report.Id}");
        }
        catch (CadreException ex)
        {
            if (Fail(ex) is { } result) return result;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Plans = (await plans.ListPlansAsync(sort: PlanSort.Code, descending: false, pageSize: 200, ct: ct)).Items;
}

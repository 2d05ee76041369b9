using System.Globalization;
using System.Text.RegularExpressions;
using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Plans;

/// <summary>Prepares the next plan from this one: a draft copy for the next period.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed partial class CloneModel(PlanningQueries queries, ClonePlan clone) : PlanningPageModel
{
    public sealed class CloneInput
    {
        public string? NewCode { get; set; }
        public int? StartYear { get; set; }
        public int? EndYear { get; set; }
        public TextFields Title { get; set; } = new();
    }

    [BindProperty]
    public CloneInput Input { get; set; } = new();

    public PlanDetail Plan { get; private set; } = null!;

    [GeneratedRegex(@"(\d{4})-(\d{4})")]
    private static partial Regex PeriodInCode();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        var length = plan.EndYear - plan.StartYear;
        var start = plan.EndYear + 1;
        var end = start + length;
        var period = string.Create(CultureInfo.InvariantCulture, $"{start}-{end}");
        Input = new CloneInput
        {
            StartYear = start,
            EndYear = end,
            NewCode = PeriodInCode().IsMatch(plan.Code) ? PeriodInCode().Replace(plan.Code, period, 1) : $"{plan.Code}-{period}",
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        var plan = await queries.GetPlanAsync(id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        if (!ModelState.IsValid) return Page();
        try
        {
            var title = Input.Title.ToRequest();
            var created = await clone.HandleAsync(new ClonePlan.Request(id, Input.NewCode ?? "", Input.StartYear ?? 0, Input.EndYear ?? 0,
                title.Values.Any(v => !string.IsNullOrWhiteSpace(v)) ? title : null), ct);
            Flash(Text("Clone.Done", plan.Code, created.Code));
            return Redirect($"/Planning/Plans/{created.Id}");
        }
        catch (CadreException ex)
        {
            return Fail(ex, nameof(Input)) ?? Page();
        }
    }
}

using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Plans;

[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class CreateModel(CreatePlan createPlan, TimeProvider clock) : PlanningPageModel
{
    public sealed class PlanInput
    {
        public PlanKind Kind { get; set; } = PlanKind.Strategic;
        public string? Code { get; set; }
        public TextFields Title { get; set; } = new();
        public TextFields Description { get; set; } = new();
        public int? StartYear { get; set; }
        public int? EndYear { get; set; }
        public string? OriginalLanguage { get; set; } = "en";
        public string? Framework { get; set; } = FrameworkTemplates.ItuStrategic;
        public string? OwnerUnit { get; set; }
    }

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public void OnGet()
    {
        var year = clock.GetUtcNow().Year;
        Input.StartYear = year;
        Input.EndYear = year + 3;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!ModelState.IsValid) return Page();
        try
        {
            var plan = await createPlan.HandleAsync(new CreatePlan.Request(
                Input.Kind, Input.Code ?? "", Input.Title.ToRequest(), Input.Description.ToRequest(),
                Input.StartYear ?? 0, Input.EndYear ?? 0, Input.OriginalLanguage ?? "en", Input.Framework, Input.OwnerUnit), ct);
            Flash(Text("Plans.Created", plan.Code));
            return Redirect($"/Planning/Plans/{plan.Id}");
        }
        catch (CadreException ex)
        {
            return Fail(ex, nameof(Input)) ?? Page();
        }
    }
}

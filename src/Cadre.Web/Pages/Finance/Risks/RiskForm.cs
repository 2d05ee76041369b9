using System.ComponentModel.DataAnnotations;
using Cadre.Core.Common;
using Cadre.Core.Finance;
using Cadre.Core.Finance.Handlers;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Finance.Risks;

/// <summary>The fields of a risk as a form posts them.</summary>
public sealed class RiskInput
{
    public int? Version { get; set; }
    public int ElementId { get; set; }
    public string? Code { get; set; }
    public string? TitleEn { get; set; }
    public string? TitleFr { get; set; }
    public RiskCategory Category { get; set; }
    public string? Cause { get; set; }
    public string? Consequence { get; set; }
    public int Likelihood { get; set; } = 3;
    public int Impact { get; set; } = 3;
    public string? Owner { get; set; }
    public RiskResponse Response { get; set; } = RiskResponse.Reduce;
    public string? Actions { get; set; }
    public RiskStatus Status { get; set; }

    [DataType(DataType.Date)]
    public DateTime? NextReview { get; set; }

    public string? Note { get; set; }

    public static RiskInput From(RiskView r) => new()
    {
        Version = r.Version, ElementId = r.ElementId, Code = r.Code, TitleEn = r.Title["en"], TitleFr = r.Title["fr"], Category = r.Category,
        Cause = r.Cause, Consequence = r.Consequence, Likelihood = r.Likelihood, Impact = r.Impact, Owner = r.Owner, Response = r.Response,
        Actions = r.Actions, Status = r.Status, NextReview = r.NextReviewUtc,
    };

    public SaveRisk.Request ToRequest(int? riskId, int planId) => new(
        riskId, planId, Version, ElementId, Code ?? "", new Dictionary<string, string?> { ["en"] = TitleEn, ["fr"] = TitleFr }, Category,
        Cause, Consequence, Likelihood, Impact, Owner, Response, Actions, Status, NextReview, Note);
}

/// <summary>What the risk's create and edit pages share: the plan's elements to choose from, the save and its errors.</summary>
public abstract class RiskFormModel(FinanceQueries queries, SaveRisk save) : FinancePageModel
{
    [BindProperty]
    public RiskInput Input { get; set; } = new();

    public PlanRef Plan { get; protected set; } = null!;
    public IReadOnlyList<ElementRef> Elements { get; private set; } = [];

    protected FinanceQueries Queries => queries;

    protected async Task LoadElementsAsync(CancellationToken ct) => Elements = await queries.ElementsAsync(Plan.Id, ct);

    protected async Task<IActionResult> SaveAsync(int? riskId, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        try
        {
            var risk = await save.HandleAsync(Input.ToRequest(riskId, Plan.Id), ct);
            Flash(Text("RiskEdit.Saved", risk.Code));
            return Redirect($"/Finance/Risks/{risk.Id}");
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex, field => field switch
            {
                "title" or "title.en" => "Input.TitleEn",
                "title.fr" => "Input.TitleFr",
                "plan" => null,
                "nextReviewUtc" => "Input.NextReview",
                _ => "Input." + char.ToUpperInvariant(field[0]) + field[1..],
            });
            return Page();
        }
        catch (CadreException ex)
        {
            return Fail(ex) ?? Page();
        }
    }
}

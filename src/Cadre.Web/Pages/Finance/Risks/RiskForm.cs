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
    public string? CauseEn { get; set; }
    public string? CauseFr { get; set; }
    public string? ConsequenceEn { get; set; }
    public string? ConsequenceFr { get; set; }
    public int Likelihood { get; set; } = 3;
    public int Impact { get; set; } = 3;
    public string? Owner { get; set; }
    public RiskResponse Response { get; set; } = RiskResponse.Reduce;
    public string? ActionsEn { get; set; }
    public string? ActionsFr { get; set; }
    public RiskStatus Status { get; set; }

    [DataType(DataType.Date)]
    public DateTime? NextReview { get; set; }

    public string? Note { get; set; }

    public static RiskInput From(RiskView r) => new()
    {
        Version = r.Version, ElementId = r.ElementId, Code = r.Code, TitleEn = r.Title["en"], TitleFr = r.Title["fr"], Category = r.Category,
        CauseEn = r.Cause["en"], CauseFr = r.Cause["fr"], ConsequenceEn = r.Consequence["en"], ConsequenceFr = r.Consequence["fr"],
        Likelihood = r.Likelihood, Impact = r.Impact, Owner = r.Owner, Response = r.Response,
        ActionsEn = r.Actions["en"], ActionsFr = r.Actions["fr"], Status = r.Status, NextReview = r.NextReviewUtc,
    };

    public SaveRisk.Request ToRequest(int? riskId, int planId) => new(
        riskId, planId, Version, ElementId, Code ?? "", Texts(TitleEn, TitleFr), Category,
        Texts(CauseEn, CauseFr), Texts(ConsequenceEn, ConsequenceFr), Likelihood, Impact, Owner, Response, Texts(ActionsEn, ActionsFr), Status, NextReview, Note);

    /// <summary>The form has an English and a French field for each text (other languages are kept as they are).</summary>
    private static Dictionary<string, string?> Texts(string? en, string? fr) => new() { ["en"] = en, ["fr"] = fr };
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
                "cause" or "cause.en" => "Input.CauseEn",
                "cause.fr" => "Input.CauseFr",
                "consequence" or "consequence.en" => "Input.ConsequenceEn",
                "consequence.fr" => "Input.ConsequenceFr",
                "actions" or "actions.en" => "Input.ActionsEn",
                "actions.fr" => "Input.ActionsFr",
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

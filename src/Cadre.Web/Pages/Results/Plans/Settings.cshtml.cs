using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Results.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Results.Plans;

public sealed class ThresholdsInput
{
    /// <summary>The on-track threshold as a percentage of achievement, e.g. "90".</summary>
    public string? OnTrack { get; set; }
    /// <summary>The at-risk threshold as a percentage of achievement, e.g. "60".</summary>
    public string? AtRisk { get; set; }
    public int? Version { get; set; }
}

/// <summary>A plan's status thresholds (Planner): from which achievement an indicator is on track or at risk.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class SettingsModel(SaveResultsSettings save) : ResultsPageModel
{
    [BindProperty]
    public ThresholdsInput Input { get; set; } = new();

    public Plan Plan { get; private set; } = null!;

    /// <summary>True after a concurrency conflict: the form shows what someone else saved.</summary>
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var plan = await Reads.PlanAsync(planId, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        await FillAsync(planId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        var plan = await Reads.PlanAsync(planId, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        var onTrack = Percent(nameof(ThresholdsInput.OnTrack), Input.OnTrack);
        var atRisk = Percent(nameof(ThresholdsInput.AtRisk), Input.AtRisk);
        if (onTrack is decimal on && atRisk is decimal risk)
        {
            try
            {
                await save.HandleAsync(new SaveResultsSettings.Request(planId, on / 100m, risk / 100m, Input.Version), ct);
                Flash(RText("Settings.Saved"));
                return Redirect($"/Results/Plans/{planId}/Dashboard");
            }
            catch (ValidationFailedException ex)
            {
                foreach (var (field, messages) in ex.Errors)
                {
                    var key = field switch
                    {
                        "onTrackThreshold" => "Input.OnTrack",
                        "atRiskThreshold" => "Input.AtRisk",
                        _ => "",
                    };
                    foreach (var m in messages) ModelState.AddModelError(key, m);
                }
            }
            catch (ConcurrencyConflictException ex)
            {
                Conflict = true;
                ModelState.AddModelError("", ex.Message);
                ModelState.Remove("Input.Version");
                ModelState.Remove("Input.OnTrack");
                ModelState.Remove("Input.AtRisk");
                await FillAsync(planId, ct);
            }
            catch (CadreException ex)
            {
                if (Fail(ex, nameof(Input)) is { } result) return result;
            }
        }
        return Page();
    }

    private async Task FillAsync(int planId, CancellationToken ct)
    {
        var settings = await Reads.SettingsAsync(planId, ct);
        Input = new ThresholdsInput
        {
            OnTrack = (settings.OnTrackThreshold * 100m).ToString("0.##", CultureInfo.CurrentCulture),
            AtRisk = (settings.AtRiskThreshold * 100m).ToString("0.##", CultureInfo.CurrentCulture),
            Version = settings.Id == 0 ? null : settings.Version,
        };
    }

    /// <summary>A percentage typed with a point or a comma (and an optional % sign), or a field error.</summary>
    private decimal? Percent(string field, string? text)
    {
        var s = (text ?? "").Trim().TrimEnd('%').Trim().Replace(',', '.');
        if (decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)) return d;
        ModelState.AddModelError("Input." + field, RText("Settings.NotAPercentage"));
        return null;
    }
}

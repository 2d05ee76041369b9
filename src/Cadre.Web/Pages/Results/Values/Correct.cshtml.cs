using Cadre.Core.Common;
using Cadre.Core.Results;
using Cadre.Core.Results.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Results.Values;

/// <summary>A Reporter corrects a validated value: a new revision with a reason; the validated one stays in the history.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Reporter)]
public sealed class CorrectModel(CorrectValue correct) : ValuePageModel
{
    public sealed class CorrectionInput
    {
        public string? Value { get; set; }
        public string? Reason { get; set; }
        public string? Text { get; set; }
        public string? Comment { get; set; }
    }

    [BindProperty]
    public CorrectionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.Value = Value.Value?.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
        Input.Text = Value.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ResultsPermissions.CanSubmit(Actor, Indicator)) return Refuse();
        decimal? number = null;
        if (!string.IsNullOrWhiteSpace(Input.Value))
        {
            if (ResultsInput.TryParseValue(Indicator.Measure, Input.Value, out var d)) number = d;
            else ModelState.AddModelError("Input.Value", RText("Form.NotANumber", Input.Value.Trim()));
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            await correct.HandleAsync(new CorrectValue.Request(id, number, Input.Reason ?? "", Input.Text, Input.Comment), ct);
            Flash(RText("Value.Corrected", Value.Period));
            return Redirect($"/Results/Indicators/{Indicator.Id}#values");
        }
        catch (CadreException ex)
        {
            if (ex is ValidationFailedException v && v.Errors.ContainsKey("valueId")) return FailAtTop(ex) ?? Page();
            return Fail(ex, nameof(Input)) ?? Page();
        }
    }
}

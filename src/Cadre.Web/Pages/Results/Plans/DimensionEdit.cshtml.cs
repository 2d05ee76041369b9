using System.Globalization;
using System.Text.RegularExpressions;
using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Results.Handlers;
using Cadre.Web.Pages.Planning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Results.Plans;

/// <summary>One row of the dimension form: a value's code and its name per language.</summary>
public sealed class DimensionValueInput
{
    public string? Code { get; set; }
    public TextFields Name { get; set; } = new();
    /// <summary>True for a value already stored: its code is fixed (values are renamed, never removed).</summary>
    public bool Existing { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && LocalizedText.Languages.All(l => string.IsNullOrWhiteSpace(Name[l]));
}

public sealed class DimensionInput
{
    public string? Code { get; set; }
    public TextFields Name { get; set; } = new();
    public List<DimensionValueInput> Values { get; set; } = [];
}

/// <summary>
/// Creates a custom dimension of a plan, or renames one and adds values to it (Planner). Stored values keep
/// their codes; the form always offers a few blank rows for new values, so no script is needed.
/// </summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed partial class DimensionEditModel(SaveDimension save) : ResultsPageModel
{
    /// <summary>Blank value rows offered at the end of the form.</summary>
    public const int BlankRows = 3;

    [BindProperty]
    public DimensionInput Input { get; set; } = new();

    public Plan Plan { get; private set; } = null!;

    /// <summary>The code of the dimension being changed, or null for a new one.</summary>
    public string? ExistingCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId, string? code, CancellationToken ct)
    {
        var found = await LoadAsync(planId, code, ct);
        if (found is not null) return found;
        if (ExistingCode is not null)
        {
            var dim = (await Reads.DimensionsAsync(planId, ct)).First(d => d.Code == ExistingCode);
            Input = new DimensionInput
            {
                Code = dim.Code,
                Name = TextFields.From(dim.Name),
                Values = [.. dim.Values.OrderBy(v => v.SortOrder).Select(v => new DimensionValueInput { Code = v.Code, Name = TextFields.From(v.Name), Existing = true })],
            };
        }
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, string? code, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        var found = await LoadAsync(planId, code, ct);
        if (found is not null) return found;
        if (ExistingCode is not null) Input.Code = ExistingCode;
        // Blank rows are left out; remember which form row each value came from, to put its errors there.
        var rows = Input.Values.Select((v, i) => (Value: v, Row: i)).Where(x => !x.Value.IsBlank).ToList();
        var request = new SaveDimension.Request(planId, Input.Code ?? "", Input.Name.ToRequest(),
            [.. rows.Select(r => new SaveDimension.ValueInput(r.Value.Code ?? "", r.Value.Name.ToRequest()))]);
        try
        {
            var saved = await save.HandleAsync(request, ct);
            Flash(RText("Dimension.Saved", saved.Code));
            return Redirect($"/Results/Plans/{planId}/Dimensions");
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                var key = FieldKey(field, rows.Select(r => r.Row).ToList());
                foreach (var m in messages) ModelState.AddModelError(key, m);
            }
        }
        catch (CadreException ex)
        {
            if (Fail(ex, nameof(Input)) is { } result) return result;
        }
        Input.Values = [.. Input.Values.Where(v => !v.IsBlank)];
        AddBlankRows();
        return Page();
    }

    /// <summary>The plan (readable, and a 404 otherwise) and the dimension named by <paramref name="code"/> (custom only).</summary>
    private async Task<IActionResult?> LoadAsync(int planId, string? code, CancellationToken ct)
    {
        var plan = await Reads.PlanAsync(planId, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        if (!string.IsNullOrWhiteSpace(code))
        {
            var dim = (await Reads.DimensionsAsync(planId, ct)).FirstOrDefault(d => string.Equals(d.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
            if (dim is null || dim.IsStandard) return NotFound();
            ExistingCode = dim.Code;
        }
        return null;
    }

    private void AddBlankRows()
    {
        for (var i = 0; i < BlankRows; i++) Input.Values.Add(new DimensionValueInput());
    }

    /// <summary>"values[2].code" (the request's third value) becomes "Input.Values[5].Code" (its form row).</summary>
    internal static string FieldKey(string field, IReadOnlyList<int> formRows)
    {
        var m = ValueField().Match(field);
        if (m.Success)
        {
            var index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var row = index < formRows.Count ? formRows[index] : index;
            return FormattableString.Invariant($"Input.Values[{row}].") + Path(m.Groups[2].Value);
        }
        return "Input." + Path(field);
    }

    private static string Path(string field) => string.Join('.', field.Split('.').Select(Capitalize));

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    [GeneratedRegex(@"^values\[(\d+)\]\.(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ValueField();
}

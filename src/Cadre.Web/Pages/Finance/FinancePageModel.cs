using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Finance;
using Cadre.Web.Resources;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Finance;

/// <summary>What every Finance page needs on top of <see cref="CadrePageModel"/>: who may edit, money in thousands, and the Finance strings.</summary>
public abstract class FinancePageModel : CadrePageModel
{
    private IStringLocalizer<FinanceText>? _text;

    public bool CanEdit => FinancePermissions.CanEdit(Actor);

    /// <summary>The risk register is internal (the secretariat and the Council): others get no link to it.</summary>
    public bool CanReadRisks => FinancePermissions.CanReadRisks(Actor);

    /// <summary>CHF in thousands, as ITU documents show them.</summary>
    public static string K(decimal chf) => Money.Thousands(chf);

    /// <summary>CHF thousands as a form shows them for editing: invariant digits, no grouping.</summary>
    public static string KInput(decimal chf) => (chf / 1000m).ToString("0.#####", CultureInfo.InvariantCulture);

    /// <summary>The id a form control gets from its name (the error summary links to it).</summary>
    public static string IdOf(string name) => TagBuilder.CreateSanitizedId(name, "_");

    /// <summary>
    /// A number typed in a form, with a point or a French decimal comma, spaces or apostrophes as thousands
    /// separators; null when it is not a number. Empty text is zero.
    /// </summary>
    public static decimal? ParseNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0m;
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace("\u202f", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>
    /// Reads an amount in CHF thousands from a form field into CHF; a field that is not a number gets an error
    /// under its own name, so that the summary links to it.
    /// </summary>
    protected decimal ReadThousands(IReadOnlyDictionary<string, string?> form, string name)
    {
        var text = form.GetValueOrDefault(name);
        var value = ParseNumber(text);
        if (value is null)
        {
            ModelState.AddModelError(name, Text("Form.NotANumber", text ?? ""));
            return 0m;
        }
        return value.Value * 1000m;
    }

    /// <summary>
    /// Puts a handler's field errors on the form controls: <paramref name="map"/> turns the handler's key
    /// (e.g. <c>lines[3].amount</c>) into the control's name; keys it does not know go to the top of the page.
    /// </summary>
    protected void AddErrors(ValidationFailedException ex, Func<string, string?> map)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ArgumentNullException.ThrowIfNull(map);
        foreach (var (field, messages) in ex.Errors)
        {
            var name = map(field) ?? string.Empty;
            foreach (var m in messages) ModelState.AddModelError(name, m);
        }
    }

    /// <summary>The handler key's index: <c>lines[3].amount</c> gives 3.</summary>
    protected static int? IndexOf(string field, string prefix)
    {
        if (!field.StartsWith(prefix + "[", StringComparison.Ordinal)) return null;
        var end = field.IndexOf(']', StringComparison.Ordinal);
        return end > prefix.Length + 1 && int.TryParse(field.AsSpan(prefix.Length + 1, end - prefix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
    }

    protected string Text(string key, params object[] arguments) =>
        (_text ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<FinanceText>>())[key, arguments].Value;
}

using Cadre.Core.Common;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance;

/// <summary>
/// The Governance forms (bodies, officers, liaison statements, recommendations, work programme): a handler's field
/// errors are put on the form's fields, so that the error summary links each message to its field; a concurrency
/// conflict goes to the top of the page with a link to the current version.
/// </summary>
public abstract class GovernanceFormPageModel : GovernancePageModel
{
    /// <summary>True after a post refused because someone else saved the item first.</summary>
    public bool Conflict { get; private set; }

    /// <summary>Handler field names that do not follow the rule "name" → "Input.Name" (e.g. "title.en" → "Input.TitleEn").</summary>
    protected virtual IReadOnlyDictionary<string, string> FieldMap { get; } = new Dictionary<string, string>();

    /// <summary>Maps a handler failure onto the form. Returns the result to send (404, 403), or null to show the page again.</summary>
    protected IActionResult? Show(CadreException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        switch (ex)
        {
            case ValidationFailedException v:
                foreach (var (field, messages) in v.Errors)
                {
                    foreach (var m in messages) ModelState.AddModelError(FieldFor(field), m);
                }
                return null;
            case ConcurrencyConflictException:
                Conflict = true;
                ModelState.AddModelError(string.Empty, ex.Message + " " + G("Form.ConflictHelp"));
                return null;
            default:
                return Fail(ex);
        }
    }

    private string FieldFor(string field)
    {
        if (FieldMap.TryGetValue(field, out var mapped)) return mapped;
        // A form field the binder could not read (see ClearBinderErrors) is already named as the form names it.
        if (field.StartsWith("Input.", StringComparison.Ordinal)) return field;
        // A text in several languages reports "title.en", "title.fr": the form's fields are TitleEn, TitleFr.
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && field[(dot + 1)..] is "en" or "fr") return "Input." + Capitalize(field[..dot]) + Capitalize(field[(dot + 1)..]);
        if (field.Length == 0 || field.Contains('[', StringComparison.Ordinal) || dot >= 0) return string.Empty;
        return "Input." + Capitalize(field);
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>A text in English and French as the handlers take it (empty fields left out, so they stay empty).</summary>
    protected static Dictionary<string, string?> Texts(string? en, string? fr) => new() { ["en"] = en, ["fr"] = fr };

    /// <summary>Symbols typed in one box, separated by semicolons, commas or lines.</summary>
    protected static IReadOnlyList<string> SymbolList(string? text) => Cadre.Core.Governance.Symbols.Split(text);
}

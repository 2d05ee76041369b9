using System.Globalization;
using System.Text.RegularExpressions;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Governance.Handlers;

/// <summary>An agenda item as entered: its label (<c>3</c>, <c>3 a)</c>), title and document symbols.</summary>
public sealed record AgendaInput(string Label, IReadOnlyDictionary<string, string?> Title, IReadOnlyList<string>? Documents);

/// <summary>Checks shared by the Governance handlers (bodies, meetings, liaisons, recommendations).</summary>
public static partial class GovernanceInput
{
    [GeneratedRegex(@"^\s*(?<n>\d{1,2})(?:\s*(?<sub>[a-z])\))?\s*\)?\s*$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^\s*(?<n>\d{1,2})(?:\s*(?<sub>[a-z])\))?\s*\)?[\s.:]+(?<rest>.*)$")]
    private static partial Regex AgendaLinePattern();

    /// <summary>Parses <c>3</c>, <c>3)</c>, <c>3 a)</c> into (3, 0), (3, 0), (3, 1).</summary>
    public static bool TryParseLabel(string? label, out int number, out int subItem)
    {
        number = 0;
        subItem = 0;
        var m = LabelPattern().Match(label ?? "");
        if (!m.Success) return false;
        number = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        subItem = m.Groups["sub"].Success ? m.Groups["sub"].Value[0] - 'a' + 1 : 0;
        return number > 0;
    }

    /// <summary>
    /// Reads an agenda written one item a line: <c>3 a) Title | TDAG-20/3/3; C20/28</c>. The text before <c>|</c> is the
    /// title in <paramref name="language"/>; after it, the document symbols. Blank lines are skipped; a line that does not
    /// start with a label is reported by its line number.
    /// </summary>
    public static IReadOnlyList<AgendaInput> ParseAgendaText(string? text, string language, Validation v, string field = "agenda")
    {
        var items = new List<AgendaInput>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var m = AgendaLinePattern().Match(line);
            if (!m.Success)
            {
                v.Add(field, Messages.Format("Error.Agenda.Line", i + 1));
                continue;
            }
            var label = m.Groups["sub"].Success ? $"{m.Groups["n"].Value} {m.Groups["sub"].Value})" : m.Groups["n"].Value;
            var rest = m.Groups["rest"].Value;
            var bar = rest.IndexOf('|', StringComparison.Ordinal);
            var title = bar < 0 ? rest : rest[..bar];
            var docs = bar < 0 ? [] : Symbols.Split(rest[(bar + 1)..]);
            items.Add(new AgendaInput(label, new Dictionary<string, string?> { [language] = title.Trim() }, docs));
        }
        return items;
    }

    /// <summary>Writes an agenda back in the form <see cref="ParseAgendaText"/> reads.</summary>
    public static string FormatAgendaText(IEnumerable<AgendaItem> items, string language) =>
        string.Join("\n", items.OrderBy(a => a.Number).ThenBy(a => a.SubItem).Select(a =>
            a.Label + " " + a.Title.Get(language) + (a.DocumentList.Count == 0 ? "" : " | " + Symbols.Join(a.DocumentList))));

    /// <summary>
    /// Checks an agenda: labels well formed and in order (1, 2, 3, 3 a), 3 b), 4), a title for each, valid symbols.
    /// </summary>
    public static List<AgendaItem> Agenda(Validation v, IReadOnlyList<AgendaInput>? input, string field = "agenda")
    {
        var result = new List<AgendaItem>();
        if (input is null) return result;
        if (input.Count > 200) { v.Add(field, Messages.Format("Error.TooMany", 200)); return result; }
        int lastNumber = 0, lastSub = 0;
        for (var i = 0; i < input.Count; i++)
        {
            var item = input[i];
            var f = $"{field}[{i}]";
            if (!TryParseLabel(item.Label, out var number, out var sub))
            {
                v.Add(f, Messages.Format("Error.Agenda.Label", item.Label));
                continue;
            }
            var expected = sub == 0 ? number == lastNumber + 1 : number == lastNumber && sub == lastSub + 1;
            if (!expected) v.Add(f, Messages.Format("Error.Agenda.Order", item.Label));
            lastNumber = number;
            lastSub = sub;
            var title = Planning.Handlers.PlanningInput.Text(v, f + ".title", item.Title, 500, required: true);
            var docs = Documents(v, f + ".documents", item.Documents);
            result.Add(new AgendaItem { Number = number, SubItem = sub, Title = title, Documents = Symbols.Join(docs) });
        }
        return result;
    }

    /// <summary>Checks a list of document symbols against the symbol grammar.</summary>
    public static List<string> Documents(Validation v, string field, IEnumerable<string>? symbols)
    {
        var list = new List<string>();
        foreach (var s in symbols ?? [])
        {
            if (string.IsNullOrWhiteSpace(s)) continue;
            var symbol = s.Trim();
            if (!SymbolGrammar.TryParse(symbol, out _, out var error)) v.Add(field, Messages.Format("Error.Symbol", symbol, error));
            else if (!list.Contains(symbol, StringComparer.Ordinal)) list.Add(symbol);
        }
        if (Symbols.Join(list).Length > 1000) v.Add(field, Messages.Format("Error.TooLong", 1000));
        return list;
    }

    /// <summary>An optional single symbol.</summary>
    public static string? Symbol(Validation v, string field, string? symbol)
    {
        if (string.IsNullOrWhiteSpace(symbol)) return null;
        var s = symbol.Trim();
        if (!SymbolGrammar.TryParse(s, out _, out var error)) v.Add(field, Messages.Format("Error.Symbol", s, error));
        return s;
    }

    /// <summary>
    /// Converts a local date-time in an IANA zone to UTC. Times that do not exist there (the hour skipped when clocks go
    /// forward) are refused; for times that happen twice (clocks go back) the first, summer-time one is taken.
    /// </summary>
    public static DateTime? ToUtc(Validation v, string field, DateTime? local, TimeZoneInfo? zone)
    {
        if (local is null) { v.Add(field, Messages.Get("Error.Required")); return null; }
        if (zone is null) return null;
        var unspecified = DateTime.SpecifyKind(local.Value, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            v.Add(field, Messages.Format("Error.Meeting.TimeGap", unspecified.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), zone.Id));
            return null;
        }
        if (zone.IsAmbiguousTime(unspecified))
        {
            var offset = zone.GetAmbiguousTimeOffsets(unspecified).Max();
            return DateTime.SpecifyKind(unspecified - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    /// <summary>Finds an IANA time zone (e.g. <c>Europe/Zurich</c>); Windows ids are refused so that feeds stay portable.</summary>
    public static TimeZoneInfo? Zone(Validation v, string field, string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) { v.Add(field, Messages.Get("Error.Required")); return null; }
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && (zone.HasIanaId || id.Trim() == "UTC")) return zone;
        v.Add(field, Messages.Format("Error.Meeting.TimeZone", id));
        return null;
    }

    public static List<string> Languages(Validation v, string field, IEnumerable<string>? languages)
    {
        var list = new List<string>();
        foreach (var l in languages ?? [])
        {
            var code = l.Trim().ToLowerInvariant();
            if (code.Length == 0) continue;
            if (!LocalizedText.IsSupported(code)) v.Add(field, Messages.Format("Error.UnknownLanguage", l));
            else if (!list.Contains(code)) list.Add(code);
        }
        return list;
    }

    public static string? Link(Validation v, string field, string? link)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        var s = link.Trim();
        if (s.Length > 1000 || !Uri.TryCreate(s, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            v.Add(field, Messages.Get("Error.Link"));
        }
        return s;
    }

    public static string? Trimmed(Validation v, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        v.MaxLength(field, value.Trim(), max);
        return value.Trim();
    }

    public static async Task<Body> BodyAsync(CadreDbContext db, int bodyId, CancellationToken ct) =>
        await db.Bodies.FirstOrDefaultAsync(b => b.Id == bodyId, ct)
        ?? throw new NotFoundException(Messages.Get("Error.NotFound.Body"));

    /// <summary>Refuses at once callers who can manage no body at all (neither secretariat nor Chair).</summary>
    public static void EnsureManagerRole(ICurrentActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAuthenticated || !(actor.IsInRole(Identity.Roles.Admin) || actor.IsInRole(Identity.Roles.Planner) || actor.IsInRole(Identity.Roles.Chair)))
        {
            throw new ForbiddenException(Messages.Get("Error.Forbidden"));
        }
    }

    public static async Task EnsureCanManageAsync(CadreDbContext db, int bodyId, CancellationToken ct)
    {
        if (!await BodyAccess.CanManageAsync(db, db.Actor, bodyId, ct)) throw new ForbiddenException(Messages.Get("Error.Forbidden"));
    }
}

using System.Globalization;
using Cadre.Web.Pages.Planning;
using Cadre.Web.Resources;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Governance;

/// <summary>What the Governance pages share: the Planning page helpers (refusals, failures, flash) and Governance strings.</summary>
public abstract class GovernancePageModel : PlanningPageModel
{
    private IStringLocalizer<GovernanceText>? _g;

    /// <summary>A Governance interface string in the request's language.</summary>
    protected string G(string key, params object[] arguments) =>
        (_g ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<GovernanceText>>())[key, arguments].Value;

    private Cadre.Core.Common.ValidationFailedException? _unreadable;

    /// <summary>
    /// Clears the binder's messages before the handler checks the form, but remembers the fields whose text could not be
    /// read at all (a date such as "31/02/2026" or "soon"): the binder leaves such a field empty, and an optional one would
    /// be saved empty without a word. <see cref="ThrowIfUnreadable"/> then refuses the form with a message on each of them.
    /// </summary>
    protected void ClearBinderErrors()
    {
        var unreadable = ModelState.Where(e => e.Value is { Errors.Count: > 0 } s && !string.IsNullOrWhiteSpace(s.AttemptedValue))
            .ToDictionary(e => e.Key, e => new[] { G("Form.Unreadable", e.Value!.AttemptedValue!.Trim()) }, StringComparer.Ordinal);
        ModelState.Clear();
        _unreadable = unreadable.Count > 0 ? new Cadre.Core.Common.ValidationFailedException(unreadable) : null;
    }

    /// <summary>Called first in a post's try block: stops before the handler when <see cref="ClearBinderErrors"/> found a field it could not read.</summary>
    protected void ThrowIfUnreadable()
    {
        if (_unreadable is not null) throw _unreadable;
    }

    /// <summary>An address with the given query values (empty ones left out).</summary>
    public static string Link(string path, params (string Key, object? Value)[] query) =>
        QueryHelpers.AddQueryString(path, query
            .Select(q => new KeyValuePair<string, string?>(q.Key, Convert.ToString(q.Value, CultureInfo.InvariantCulture)))
            .Where(q => !string.IsNullOrEmpty(q.Value)));
}

/// <summary>Formatting shared by the Governance views.</summary>
public static class GovernanceFormat
{
    public static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Day(DateOnly? d) => d is DateOnly x ? Day(x) : "";

    /// <summary>Local date and time range in the meeting's zone: "17 July 2020, 13:00–16:00 (Europe/Zurich)".</summary>
    public static string When(MeetingViewTimes t) =>
        t.StartLocal.Date == t.EndLocal.Date
            ? string.Create(CultureInfo.CurrentCulture, $"{t.StartLocal:d MMMM yyyy}, {t.StartLocal:HH:mm}–{t.EndLocal:HH:mm} ({t.TimeZone})")
            : string.Create(CultureInfo.CurrentCulture, $"{t.StartLocal:d MMMM yyyy HH:mm} – {t.EndLocal:d MMMM yyyy HH:mm} ({t.TimeZone})");

    public static string When(Cadre.Core.Governance.Meeting m) => When(new MeetingViewTimes(
        Cadre.Core.Governance.GovernanceTime.ToLocal(m.StartUtc, m.TimeZone), Cadre.Core.Governance.GovernanceTime.ToLocal(m.EndUtc, m.TimeZone), m.TimeZone));
}

public sealed record MeetingViewTimes(DateTime StartLocal, DateTime EndLocal, string TimeZone);

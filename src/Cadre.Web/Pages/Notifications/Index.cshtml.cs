using Microsoft.AspNetCore.Mvc;
using Cadre.Core.Common;
using Cadre.Core.Notifications;
using Cadre.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Notifications;

/// <summary>The signed-in user's notifications, newest first, with read and unread marked in text.</summary>
[Authorize]
public sealed class IndexModel(NotificationQueries queries, MarkNotificationsRead mark, IStringLocalizer<ReportingText> text) : CadrePageModel
{
    public NotificationQueries.NotificationPage Inbox { get; private set; } = new([], 1, 25, 0, 0);

    [BindProperty(SupportsGet = true)]
    public bool Unread { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Inbox = await queries.ListAsync(Unread, PageNumber, 25, ct);

    public async Task<IActionResult> OnPostReadAsync(int? id, CancellationToken ct)
    {
        try
        {
            await mark.HandleAsync(new MarkNotificationsRead.Request(id), ct);
            Flash(text[id is null ? "Notifications.AllMarked" : "Notifications.Marked"].Value);
        }
        catch (CadreException ex)
        {
            if (Fail(ex) is { } result) return result;
        }
        return Redirect("/Notifications" + (Unread ? "?unread=true" : ""));
    }

    public string UrlFor(int page) => "/Notifications?" + (Unread ? "unread=true&" : "") + "p=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

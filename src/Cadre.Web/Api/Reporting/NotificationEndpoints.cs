using Cadre.Core.Notifications;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cadre.Web.Api.Reporting;

/// <summary>
/// <c>/api/v1/notifications</c>: the caller's own in-app notifications (a published report sent to a Member's
/// Delegates...), newest first, paged, optionally unread only, and marking them read. Every call needs an access
/// token (the Bearer policy of the writes): an inbox belongs to a user, so an anonymous caller gets 401 and another
/// user's notification is "not found". The texts are formatted in the request's language.
/// </summary>
public static class NotificationEndpoints
{
    private const string Tag = "Notifications";

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .AddEndpointFilter(ApiSetup.CatchHandlerFailures)
            .WithMetadata(new ApiSetup.SkipStatusCodePages())
            .RequireAuthorization(ApiSetup.WriterPolicy)
            .WithTags(Tag);

        api.MapGet("/notifications", List).ProducesProblems(400, 401)
            .WithName("ListNotifications").WithSummary("Your notifications, newest first (unread=true for the unread ones only), a page at a time, with your unread count.");
        api.MapPost("/notifications/{id:int}/read", MarkRead).ProducesProblems(401, 404)
            .WithName("MarkNotificationRead").WithSummary("Marks one of your notifications as read (404 for someone else's).");
        api.MapPost("/notifications/read-all", MarkAllRead).ProducesProblems(401)
            .WithName("MarkAllNotificationsRead").WithSummary("Marks all your unread notifications as read.");
        return app;
    }

    private static async Task<Ok<NotificationPageResponse>> List(NotificationQueries queries, bool? unread, int? page, int? pageSize, CancellationToken ct)
    {
        var result = await queries.ListAsync(unread ?? false, page, pageSize, ct);
        return TypedResults.Ok(new NotificationPageResponse(result.Items.Select(ToResponse).ToList(), result.Page, result.PageSize, result.Total,
            result.PageCount, result.Unread));
    }

    private static async Task<Ok<NotificationsReadResponse>> MarkRead(int id, MarkNotificationsRead handler, NotificationQueries queries, CancellationToken ct)
    {
        var marked = await handler.HandleAsync(new MarkNotificationsRead.Request(id), ct);
        return TypedResults.Ok(new NotificationsReadResponse(marked, await queries.UnreadCountAsync(ct)));
    }

    private static async Task<Ok<NotificationsReadResponse>> MarkAllRead(MarkNotificationsRead handler, NotificationQueries queries, CancellationToken ct)
    {
        var marked = await handler.HandleAsync(new MarkNotificationsRead.Request(null), ct);
        return TypedResults.Ok(new NotificationsReadResponse(marked, await queries.UnreadCountAsync(ct)));
    }

    private static NotificationResponse ToResponse(Notification n) => new(n.Id, n.Text(), n.MessageKey,
        n.Arguments.Length == 0 ? [] : n.Arguments.Split(Notification.ArgumentSeparator), n.Url, n.CreatedAtUtc, n.ReadAtUtc, n.IsRead);
}

/// <summary>A notification: its text in the request's language, the message key and arguments it is made from, and where it leads.</summary>
public sealed record NotificationResponse(int Id, string Text, string MessageKey, IReadOnlyList<string> Arguments, string Url, DateTime CreatedAtUtc,
    DateTime? ReadAtUtc, bool IsRead);

/// <summary>A page of the caller's notifications; <c>total</c> counts those matching the filter, <c>unread</c> all unread ones.</summary>
public sealed record NotificationPageResponse(IReadOnlyList<NotificationResponse> Items, int Page, int PageSize, int Total, int PageCount, int Unread);

/// <summary>How many notifications were marked read, and how many unread ones are left.</summary>
public sealed record NotificationsReadResponse(int Marked, int Unread);

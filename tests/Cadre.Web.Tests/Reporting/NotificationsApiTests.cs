using System.Net;
using System.Net.Http.Headers;
using Cadre.Core.Identity;
using Cadre.Core.Notifications;
using Cadre.Web.Api.Reporting;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Reporting;

/// <summary>
/// The notifications API on SQLite or PostgreSQL (CADRE_TEST_PROVIDER): each caller sees and marks only their own
/// notifications, newest first, paged, with an unread filter, in the request's language; an access token is needed.
/// </summary>
public sealed class NotificationsApiTests(CadreWebFactory app) : ApiTest(app), IClassFixture<CadreWebFactory>
{
    private async Task<(CadreUser User, HttpClient Client)> DelegateAsync()
    {
        var user = await App.CreateUserAsync(Roles.Delegate, "FRA");
        var client = App.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.CreateTokenAsync(user));
        return (user, client);
    }

    /// <summary>Adds <paramref name="count"/> report notifications for <paramref name="userId"/> (plan codes P1, P2...), oldest first.</summary>
    private async Task<List<int>> NotifyAsync(string userId, int count, bool read = false)
    {
        await using var db = App.NewDbContext();
        var start = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        var items = Enumerable.Range(1, count).Select(k => new Notification
        {
            UserId = userId,
            MessageKey = "Notification.ReportPublished",
            Arguments = string.Join(Notification.ArgumentSeparator, "P" + k.ToString(System.Globalization.CultureInfo.InvariantCulture), "2025", "1"),
            Url = "/Reporting/Public/" + k.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreatedAtUtc = start.AddMinutes(k),
            ReadAtUtc = read ? start.AddDays(1) : null,
        }).ToList();
        db.Notifications.AddRange(items);
        await db.SaveChangesAsync(Ct);
        return items.Select(n => n.Id).ToList();
    }

    [Fact]
    public async Task A_caller_lists_their_own_notifications_newest_first_paged_and_filtered_to_the_unread_ones()
    {
        var (me, client) = await DelegateAsync();
        var (other, _) = await DelegateAsync();
        var unread = await NotifyAsync(me.Id, 3);
        var read = await NotifyAsync(me.Id, 2, read: true);
        await NotifyAsync(other.Id, 4);

        var all = await Rest.ReadAsync<NotificationPageResponse>(await client.GetAsync("/api/v1/notifications", Ct));
        Assert.Equal(5, all.Total);
        Assert.Equal(3, all.Unread);
        Assert.Equal(unread.Concat(read).OrderByDescending(id => id), all.Items.Select(n => n.Id));
        var first = all.Items.Single(n => n.Id == unread[0]);
        Assert.False(first.IsRead);
        Assert.Equal(["P1", "2025", "1"], first.Arguments);
        Assert.Contains("P1", first.Text, StringComparison.Ordinal);
        Assert.Equal("/Reporting/Public/1", first.Url);

        var page = await Rest.ReadAsync<NotificationPageResponse>(await client.GetAsync("/api/v1/notifications?page=2&pageSize=2", Ct));
        Assert.Equal((2, 2, 3, 5), (page.Page, page.PageSize, page.PageCount, page.Total));
        Assert.Equal(all.Items.Skip(2).Take(2).Select(n => n.Id), page.Items.Select(n => n.Id));

        var onlyUnread = await Rest.ReadAsync<NotificationPageResponse>(await client.GetAsync("/api/v1/notifications?unread=true", Ct));
        Assert.Equal(unread.OrderByDescending(id => id), onlyUnread.Items.Select(n => n.Id));
        Assert.Equal(3, onlyUnread.Total);
    }

    [Fact]
    public async Task The_texts_follow_the_request_language()
    {
        var (me, client) = await DelegateAsync();
        await NotifyAsync(me.Id, 1);
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications");
        english.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        using var french = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications");
        french.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));
        var en = (await Rest.ReadAsync<NotificationPageResponse>(await client.SendAsync(english, Ct))).Items.Single().Text;
        var fr = (await Rest.ReadAsync<NotificationPageResponse>(await client.SendAsync(french, Ct))).Items.Single().Text;
        Assert.NotEqual(en, fr);
        Assert.Contains("P1", fr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_marks_one_of_their_notifications_or_all_of_them_read_and_never_someone_else_s()
    {
        var (me, client) = await DelegateAsync();
        var (other, otherClient) = await DelegateAsync();
        var mine = await NotifyAsync(me.Id, 3);
        var theirs = await NotifyAsync(other.Id, 2);

        var one = await Rest.ReadAsync<NotificationsReadResponse>(await client.PostAsync($"/api/v1/notifications/{mine[1]}/read", null, Ct));
        Assert.Equal((1, 2), (one.Marked, one.Unread));
        // Marking it again changes nothing.
        Assert.Equal((0, 2), await ReadAsync(await client.PostAsync($"/api/v1/notifications/{mine[1]}/read", null, Ct)));
        // Someone else's notification, or one that does not exist, is not found, and stays unread.
        await Rest.ProblemAsync(await client.PostAsync($"/api/v1/notifications/{theirs[0]}/read", null, Ct), HttpStatusCode.NotFound);
        await Rest.ProblemAsync(await client.PostAsync("/api/v1/notifications/999999/read", null, Ct), HttpStatusCode.NotFound);
        await using (var db = App.NewDbContext())
        {
            Assert.Equal(2, await db.Notifications.CountAsync(n => n.UserId == other.Id && n.ReadAtUtc == null, Ct));
            Assert.NotNull((await db.Notifications.SingleAsync(n => n.Id == mine[1], Ct)).ReadAtUtc);
            Assert.Null((await db.Notifications.SingleAsync(n => n.Id == mine[0], Ct)).ReadAtUtc);
        }

        Assert.Equal((2, 0), await ReadAsync(await client.PostAsync("/api/v1/notifications/read-all", null, Ct)));
        Assert.Empty((await Rest.ReadAsync<NotificationPageResponse>(await client.GetAsync("/api/v1/notifications?unread=true", Ct))).Items);
        // The other user's inbox is untouched.
        Assert.Equal(2, (await Rest.ReadAsync<NotificationPageResponse>(await otherClient.GetAsync("/api/v1/notifications", Ct))).Unread);
    }

    [Fact]
    public async Task Without_an_access_token_the_inbox_answers_401()
    {
        var anonymous = App.AnonymousClient();
        await Rest.ExpectStatusAsync(await anonymous.GetAsync("/api/v1/notifications", Ct), HttpStatusCode.Unauthorized);
        await Rest.ExpectStatusAsync(await anonymous.PostAsync("/api/v1/notifications/read-all", null, Ct), HttpStatusCode.Unauthorized);
        await Rest.ExpectStatusAsync(await anonymous.PostAsync("/api/v1/notifications/1/read", null, Ct), HttpStatusCode.Unauthorized);
    }

    private static async Task<(int Marked, int Unread)> ReadAsync(HttpResponseMessage response)
    {
        var r = await Rest.ReadAsync<NotificationsReadResponse>(response);
        return (r.Marked, r.Unread);
    }
}

using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Notifications;

/// <summary>
/// A message in one user's in-app inbox. Its text is a Core message key with its arguments, formatted when it
/// is shown, so each reader sees it in their own language. Not audited: it is a consequence of an audited
/// change (a publication), saved in the same transaction.
/// </summary>
public sealed class Notification
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The key of the text in Core's Messages resources (e.g. "Notification.ReportPublished").</summary>
    public string MessageKey { get; set; } = "";
    /// <summary>The text's arguments, separated by <see cref="ArgumentSeparator"/>.</summary>
    public string Arguments { get; set; } = "";
    /// <summary>Where the notification leads (a site-relative URL).</summary>
    public string Url { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }

    public const char ArgumentSeparator = '\u001f';

    public bool IsRead => ReadAtUtc is not null;

    /// <summary>The text in the current UI language.</summary>
    public string Text()
    {
        object?[] args = Arguments.Length == 0 ? [] : Arguments.Split(ArgumentSeparator);
        return Messages.Format(MessageKey, args);
    }
}

/// <summary>Adds notifications to the context (saved by the caller's SaveChangesAsync, with the change they announce).</summary>
public static class Notify
{
    /// <summary>Every Delegate of every Member (users in the Delegate role with a Member affiliation). Returns how many were added.</summary>
    public static async Task<int> MemberDelegatesAsync(CadreDbContext db, string messageKey, IReadOnlyList<string> arguments, string url, CancellationToken ct)
    {
        var delegateIds = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.Delegate && u.MemberId != null
            select u.Id).Distinct().ToListAsync(ct);
        var now = db.UtcNow;
        var args = string.Join(Notification.ArgumentSeparator, arguments);
        foreach (var id in delegateIds)
        {
            db.Notifications.Add(new Notification { UserId = id, MessageKey = messageKey, Arguments = args, Url = url, CreatedAtUtc = now });
        }
        return delegateIds.Count;
    }
}

/// <summary>The signed-in user's inbox.</summary>
public sealed class NotificationQueries(CadreDbContext db)
{
    public const int MaxPageSize = 100;

    public sealed record NotificationPage(IReadOnlyList<Notification> Items, int Page, int PageSize, int Total, int Unread)
    {
        public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    /// <summary>The current user's notifications, newest first; nothing for anonymous callers.</summary>
    public async Task<NotificationPage> ListAsync(bool unreadOnly, int? page, int? pageSize, CancellationToken ct = default)
    {
        var size = Math.Clamp(pageSize ?? 25, 1, MaxPageSize);
        var number = Math.Max(1, page ?? 1);
        var userId = db.Actor.UserId;
        if (!db.Actor.IsAuthenticated || userId is null) return new([], 1, size, 0, 0);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAtUtc == null, ct);
        var query = unreadOnly ? mine.Where(n => n.ReadAtUtc == null) : mine;
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(n => n.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new(items, number, size, total, unread);
    }

    /// <summary>How many unread notifications the current user has (for the navigation bar).</summary>
    public Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var userId = db.Actor.UserId;
        if (!db.Actor.IsAuthenticated || userId is null) return Task.FromResult(0);
        return db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, ct);
    }
}

/// <summary>Marks one of the current user's notifications, or all of them, as read.</summary>
public sealed class MarkNotificationsRead(CadreDbContext db)
{
    /// <param name="NotificationId">One notification, or null for all of the user's unread ones.</param>
    public sealed record Request(int? NotificationId);

    public async Task<int> HandleAsync(Request request, CancellationToken ct = default)
    {
        var userId = db.Actor.UserId;
        if (!db.Actor.IsAuthenticated || userId is null) throw new ForbiddenException(Messages.Get("Error.Forbidden"));
        var query = db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null);
        if (request.NotificationId is int id)
        {
            // Another user's notification is "not found", as if it did not exist.
            if (!await db.Notifications.AnyAsync(n => n.Id == id && n.UserId == userId, ct))
            {
                throw new NotFoundException(Messages.Format("Error.NotFound.Notification", id));
            }
            query = query.Where(n => n.Id == id);
        }
        var items = await query.ToListAsync(ct);
        var now = db.UtcNow;
        foreach (var n in items) n.ReadAtUtc = now;
        await db.SaveChangesAsync(ct);
        return items.Count;
    }
}

/// <summary>The notifications table (called by CadreDbContext.OnModelCreating).</summary>
internal static class NotificationsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Notification>(e =>
        {
            e.ToTable("ntf_notifications");
            e.Property(n => n.UserId).HasMaxLength(450);
            e.Property(n => n.MessageKey).HasMaxLength(100);
            e.Property(n => n.Arguments).HasMaxLength(2000);
            e.Property(n => n.Url).HasMaxLength(400);
            e.HasIndex(n => new { n.UserId, n.ReadAtUtc });
            e.HasOne<CadreUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

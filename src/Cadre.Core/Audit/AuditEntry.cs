namespace Cadre.Core.Audit;

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string AccessDenied = "access.denied";
}

/// <summary>
/// One line of the append-only audit trail. <see cref="ChangesJson"/> holds, for each changed field,
/// its value before and after: <c>{"Title.En":["old","new"]}</c>.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    public string? Summary { get; set; }
    public string ChangesJson { get; set; } = "{}";
}

using Cadre.Core.Audit;
using Cadre.Core.Data;

namespace Cadre.Web.Infrastructure;

/// <summary>
/// Writes sign-ins and refused accesses to the audit trail. Each event uses its own database context, so
/// that nothing a failed request left tracked in the request's context is saved with it.
/// </summary>
public sealed class SecurityAudit(IServiceScopeFactory scopes, ILogger<SecurityAudit> log)
{
    public async Task RecordAsync(string action, string? userId, string actor, string? summary, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadreDbContext>();
        await db.RecordEventAsync(action, userId, Truncate(actor, 256), summary, ct);
        if (action != AuditActions.LoginSucceeded) log.LogInformation("Security event {Action} for {Actor}: {Summary}", action, Truncate(actor, 256), summary);
    }

    private static string Truncate(string s, int max) => s.Length > max ? s[..max] : s;
}

using Cadre.Core.Data;

namespace Cadre.Core.Demo;

/// <summary>The demo data of the Governance area, loaded by <see cref="DemoData.LoadAsync"/> in its transaction, after the plans.</summary>
internal static class DemoGovernance
{
    public static Task LoadAsync(CadreDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ct.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }
}

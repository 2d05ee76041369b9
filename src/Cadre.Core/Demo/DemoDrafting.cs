using Cadre.Core.Data;

namespace Cadre.Core.Demo;

/// <summary>The demo data of the Drafting area, loaded by <see cref="DemoData.LoadAsync"/> in its transaction, after the plans.</summary>
internal static class DemoDrafting
{
    public static Task LoadAsync(CadreDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ct.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }
}

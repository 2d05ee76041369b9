using Cadre.Core.Data;

namespace Cadre.Core.Demo;

/// <summary>The demo data of the Finance area, loaded by <see cref="DemoData.LoadAsync"/> in its transaction, after the plans.</summary>
internal static class DemoFinance
{
    public static Task LoadAsync(CadreDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ct.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }
}

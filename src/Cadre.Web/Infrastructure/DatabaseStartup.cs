using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Infrastructure;

public static class DatabaseStartup
{
    /// <summary>
    /// In Development only: apply migrations and load the demo data set. Elsewhere migrations are
    /// applied by <c>cadre db migrate</c>, never by the web host.
    /// </summary>
    public static async Task PrepareDevelopmentDatabaseAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadreDbContext>();
        await db.Database.MigrateAsync();
        if (app.Configuration.GetValue("Demo:Load", false))
        {
            var loader = scope.ServiceProvider.GetService<IDemoLoader>();
            if (loader is not null) await loader.LoadAsync(app.Services, CancellationToken.None);
        }
    }
}

/// <summary>Loads the demo data set and prints the demo accounts (Development only).</summary>
public interface IDemoLoader
{
    Task LoadAsync(IServiceProvider services, CancellationToken ct);
}

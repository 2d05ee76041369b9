using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Finance;

/// <summary>The services of the Finance area (handlers and queries), for the web app and the CLI.</summary>
public static class FinanceModule
{
    public static IServiceCollection AddFinance(this IServiceCollection services)
    {
        return services;
    }
}

/// <summary>The tables of the Finance area (called by CadreDbContext.OnModelCreating).</summary>
internal static class FinanceModel
{
    public static void Configure(ModelBuilder b)
    {
        ArgumentNullException.ThrowIfNull(b);
    }
}

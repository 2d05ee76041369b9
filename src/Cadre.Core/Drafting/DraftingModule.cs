using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Drafting;

/// <summary>The services of the Drafting area (handlers and queries), for the web app and the CLI.</summary>
public static class DraftingModule
{
    public static IServiceCollection AddDrafting(this IServiceCollection services)
    {
        return services;
    }
}

/// <summary>The tables of the Drafting area (called by CadreDbContext.OnModelCreating).</summary>
internal static class DraftingModel
{
    public static void Configure(ModelBuilder b)
    {
        ArgumentNullException.ThrowIfNull(b);
    }
}

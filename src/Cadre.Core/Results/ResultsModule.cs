using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Results;

/// <summary>The services of the Results area (handlers and queries), for the web app and the CLI.</summary>
public static class ResultsModule
{
    public static IServiceCollection AddResults(this IServiceCollection services)
    {
        return services;
    }
}

/// <summary>The tables of the Results area (called by CadreDbContext.OnModelCreating).</summary>
internal static class ResultsModel
{
    public static void Configure(ModelBuilder b)
    {
        ArgumentNullException.ThrowIfNull(b);
    }
}

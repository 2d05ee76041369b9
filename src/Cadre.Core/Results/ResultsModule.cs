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

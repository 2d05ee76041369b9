using Cadre.Core.Results;

namespace Cadre.Web.Api.Results;

/// <summary>Registers the Results area's services and maps its API endpoints (called from Program.cs).</summary>
public static class ResultsArea
{
    public static IServiceCollection AddResultsArea(this IServiceCollection services)
    {
        services.AddResults();
        return services;
    }

    public static IEndpointRouteBuilder MapResultsArea(this IEndpointRouteBuilder app)
    {
        app.MapResultsApi();
        return app;
    }
}

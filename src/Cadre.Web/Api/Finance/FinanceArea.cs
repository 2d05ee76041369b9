using Cadre.Core.Finance;

namespace Cadre.Web.Api.Finance;

/// <summary>Registers the Finance area's services and maps its API endpoints (called from Program.cs).</summary>
public static class FinanceArea
{
    public static IServiceCollection AddFinanceArea(this IServiceCollection services)
    {
        services.AddFinance();
        return services;
    }

    public static IEndpointRouteBuilder MapFinanceArea(this IEndpointRouteBuilder app)
    {
        return app;
    }
}

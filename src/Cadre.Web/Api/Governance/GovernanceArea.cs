using Cadre.Core.Governance;

namespace Cadre.Web.Api.Governance;

/// <summary>Registers the Governance area's services and maps its API endpoints (called from Program.cs).</summary>
public static class GovernanceArea
{
    public static IServiceCollection AddGovernanceArea(this IServiceCollection services)
    {
        services.AddGovernance();
        return services;
    }

    public static IEndpointRouteBuilder MapGovernanceArea(this IEndpointRouteBuilder app)
    {
        Documents.DocumentsEndpoints.MapDocumentsApi(app);
        app.MapGovernanceApi();
        return app;
    }
}

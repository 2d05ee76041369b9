using Cadre.Core.Drafting;

namespace Cadre.Web.Api.Drafting;

/// <summary>Registers the Drafting area's services and maps its API endpoints (called from Program.cs).</summary>
public static class DraftingArea
{
    public static IServiceCollection AddDraftingArea(this IServiceCollection services)
    {
        services.AddDrafting();
        return services;
    }

    public static IEndpointRouteBuilder MapDraftingArea(this IEndpointRouteBuilder app)
    {
        app.MapDraftingApi();
        return app;
    }
}

using Cadre.Core.Consultation;

namespace Cadre.Web.Api.Consultation;

/// <summary>Registers the Consultation area's services and maps its API endpoints (called from Program.cs).</summary>
public static class ConsultationArea
{
    public static IServiceCollection AddConsultationArea(this IServiceCollection services)
    {
        services.AddConsultation();
        return services;
    }

    public static IEndpointRouteBuilder MapConsultationArea(this IEndpointRouteBuilder app)
    {
        return app;
    }
}

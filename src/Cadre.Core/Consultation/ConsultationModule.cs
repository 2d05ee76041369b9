using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Consultation;

/// <summary>The services of the Consultation area (handlers and queries), for the web app and the CLI.</summary>
public static class ConsultationModule
{
    public static IServiceCollection AddConsultation(this IServiceCollection services)
    {
        return services;
    }
}

/// <summary>The tables of the Consultation area (called by CadreDbContext.OnModelCreating).</summary>
internal static class ConsultationModel
{
    public static void Configure(ModelBuilder b)
    {
        ArgumentNullException.ThrowIfNull(b);
    }
}

using Cadre.Core.Reporting.Model;
using Cadre.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cadre.Web.Api.Reporting;

/// <summary>
/// The Reporting area's web services (the background worker, a stand-in report source until the real one is
/// registered) and its API endpoints. Called from Program.cs after <c>ReportingModule.AddReporting</c>.
/// </summary>
public static class ReportingArea
{
    public static IServiceCollection AddReportingArea(this IServiceCollection services)
    {
        services.TryAddScoped<IReportSource, ReportWorkerPlanSource>();
        services.AddSingleton<ReportWorker>();
        services.AddHostedService<ReportWorkerService>();
        return services;
    }

    public static IEndpointRouteBuilder MapReportingArea(this IEndpointRouteBuilder app)
    {
        app.MapReportingApi();
        app.MapNotificationsApi();
        return app;
    }
}

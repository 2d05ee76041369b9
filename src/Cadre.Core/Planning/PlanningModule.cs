using Cadre.Core.Planning.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Planning;

public static class PlanningModule
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddScoped<PlanningQueries>();
        services.AddScoped<Audit.AuditQueries>();
        services.AddScoped<CreatePlan>();
        services.AddScoped<UpdatePlan>();
        services.AddScoped<ChangePlanStatus>();
        services.AddScoped<DeletePlan>();
        services.AddScoped<ClonePlan>();
        services.AddScoped<SaveFrameworkLevel>();
        services.AddScoped<DeleteFrameworkLevel>();
        services.AddScoped<CreateElement>();
        services.AddScoped<UpdateElement>();
        services.AddScoped<MoveElement>();
        services.AddScoped<DeleteElement>();
        services.AddScoped<LinkElement>();
        services.AddScoped<UnlinkElement>();
        services.AddScoped<SaveVocabulary>();
        services.AddScoped<SaveVocabularyEntry>();
        services.AddScoped<DeleteVocabularyEntry>();
        services.AddScoped<ExportPlan>();
        services.AddScoped<ImportPlan>();
        return services;
    }
}

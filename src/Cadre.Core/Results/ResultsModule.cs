using Cadre.Core.Results.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Results;

/// <summary>The services of the Results area (handlers and queries), for the web app and the CLI.</summary>
public static class ResultsModule
{
    public static IServiceCollection AddResults(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<ResultsQueries>();
        services.AddScoped<ProgressService>();
        services.AddScoped<SaveIndicator>();
        services.AddScoped<DeleteIndicator>();
        services.AddScoped<SaveDimension>();
        services.AddScoped<SaveResultsSettings>();
        services.AddScoped<SubmitValue>();
        services.AddScoped<CorrectValue>();
        services.AddScoped<ApproveValue>();
        services.AddScoped<RejectValue>();
        services.AddScoped<ValueImport>();
        // The Finance coherence checks ask which elements have indicators (Finance registers a no-op default with TryAdd).
        services.AddScoped<Finance.IIndicatorCoverage, IndicatorCoverage>();
        return services;
    }
}

using System.Security.Claims;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Identity;
using Cadre.Core.Reporting;
using Cadre.Core.Reporting.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Infrastructure;

/// <summary>
/// Runs queued report generation jobs, one at a time, each in its own scope. <see cref="ProcessPendingAsync"/>
/// is the whole loop body: the hosted <see cref="ReportWorkerService"/> calls it when woken or every few
/// seconds, and tests call it directly (so that no test waits on a timer). The work runs as a Planner-like
/// "report worker" actor named after the person who asked for it, so that audit entries say who it was for.
/// Assumes one worker per database (docs/reporting.md).
/// </summary>
public sealed class ReportWorker(IServiceScopeFactory scopes, ILogger<ReportWorker> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);

    public void Dispose()
    {
        _oneAtATime.Dispose();
        _wake.Dispose();
    }

    /// <summary>Wakes the hosted loop (after a job is queued), instead of waiting for its next poll.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    /// <summary>Waits until <see cref="Wake"/> is called or <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    /// <summary>Jobs left running by a previous process go back to the queue (or fail after too many attempts).</summary>
    public Task<RecoverReportJobs.Result> RecoverAsync(CancellationToken ct) => Isolated(async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        ActAs(scope.ServiceProvider, "system");
        var result = await scope.ServiceProvider.GetRequiredService<RecoverReportJobs>().HandleAsync(ct);
        if (result.Requeued + result.Failed > 0)
        {
            logger.LogInformation("Report jobs interrupted by a restart: {Requeued} queued again, {Failed} marked failed.", result.Requeued, result.Failed);
        }
        return result;
    }, ct);

    /// <summary>Runs every queued job, oldest first, until none is left. Returns how many were run.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            var count = 0;
            while (!ct.IsCancellationRequested && await Isolated(() => RunNextAsync(ct), ct))
            {
                count++;
            }
            return count;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Runs the oldest queued job; false when there is none.</summary>
    private async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var next = await services.GetRequiredService<ReportingQueries>().NextQueuedJobAsync(ct);
        if (next is not int jobId) return false;
        var db = services.GetRequiredService<CadreDbContext>();
        var requestedBy = await db.ReportJobs.Where(j => j.Id == jobId).Select(j => j.RequestedBy).FirstOrDefaultAsync(ct);
        ActAs(services, requestedBy);
        try
        {
            var job = await services.GetRequiredService<RunReportGeneration>().HandleAsync(jobId, ct);
            if (job.Status == ReportJobStatus.Failed) logger.LogInformation("Report job {JobId} failed: {Error}", jobId, job.Error);
        }
        catch (ConcurrencyConflictException)
        {
            // Another worker claimed it first.
        }
        return true;
    }

    /// <summary>
    /// Runs <paramref name="work"/> without the caller's execution context, so that the worker's HTTP context
    /// (its actor) never replaces the one of a request that called it.
    /// </summary>
    private static Task<T> Isolated<T>(Func<Task<T>> work, CancellationToken ct)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(work, ct);
        }
    }

    /// <summary>Makes the scope's actor (read from the HTTP context by HttpCurrentActor) the report worker.</summary>
    private static void ActAs(IServiceProvider services, string? requestedBy)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, $"report worker (for {requestedBy ?? "?"})"), new Claim(ClaimTypes.Role, Roles.Planner)],
            authenticationType: "ReportWorker");
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            RequestServices = services,
            User = new ClaimsPrincipal(identity),
        };
    }
}

/// <summary>
/// The hosted loop around <see cref="ReportWorker"/>: at start, recovers jobs interrupted by a restart; then runs
/// queued jobs when woken or every <c>Reporting:WorkerPollSeconds</c> (default 5). Off when
/// <c>Reporting:Worker</c> is false, and in the Testing environment unless it is set to true (tests call the
/// worker directly).
/// </summary>
public sealed class ReportWorkerService(ReportWorker worker, IConfiguration configuration, IHostEnvironment environment, ILogger<ReportWorkerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var enabled = configuration.GetValue<bool?>("Reporting:Worker") ?? !environment.IsEnvironment("Testing");
        if (!enabled) return;
        var poll = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue<int?>("Reporting:WorkerPollSeconds") ?? 5, 1, 3600));
        // Let the host finish starting (and the database be migrated) before the first query.
        await Task.Yield();
        try
        {
            await worker.RecoverAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await worker.ProcessPendingAsync(stoppingToken);
                await worker.WaitAsync(poll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a job cut short stays "running" and is recovered at the next start.
        }
#pragma warning disable CA1031 // The worker must not take the web host down; the error is logged and the loop ends.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "The report worker stopped.");
        }
    }
}

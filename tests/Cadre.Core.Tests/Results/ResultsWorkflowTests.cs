using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Results;
using Cadre.Core.Results.Handlers;
using Cadre.Core.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cadre.Core.Tests.Results;

public sealed class ResultsWorkflowTests
{
    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task A_submitted_value_counts_in_progress_only_once_validated(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var id = await f.IndicatorAsync();
        var value = await f.SubmitAsync(id, "2025", 72);
        Assert.Equal(ValueStatus.Provisional, value.Status);
        await using (var db = f.As(ResultsFixture.PlannerActor))
        {
            var before = await f.Progress(db).GetAsync(f.PlanId, 2025);
            Assert.Equal(ProgressStatus.NoData, before!.Indicators[id].Status);
            Assert.Equal(ProgressStatus.NoData, before.Elements[f.GoalId].Status);
        }
        await f.ApproveAsync(value.Id);
        await using (var db = f.As(ResultsFixture.PlannerActor))
        {
            var after = await f.Progress(db).GetAsync(f.PlanId, 2025);
            var row = after!.Indicators[id];
            Assert.Equal(72m, row.Actual);
            Assert.Equal(73.5m, row.Expected); // 67 + (80 - 67) × 2 / 4
            Assert.Equal((72 - 67) / 6.5, row.Achievement!.Value, 6);
            Assert.Equal(ProgressStatus.AtRisk, row.Status);
            Assert.Equal(ProgressStatus.AtRisk, after.Elements[f.GoalId].Status);
            Assert.Equal(0.5, after.Elements[f.GoalId].Coverage); // target 1.2 has no indicator data
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task Bad_values_are_refused_with_field_errors_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var id = await f.IndicatorAsync();
        var e1 = await Assert.ThrowsAsync<ValidationFailedException>(() => f.SubmitAsync(id, "2025", 120));
        Assert.Contains("value", e1.Errors.Keys);
        var e2 = await Assert.ThrowsAsync<ValidationFailedException>(() => f.SubmitAsync(id, "2030", 50));
        Assert.Contains("period", e2.Errors.Keys);
        var e3 = await Assert.ThrowsAsync<ValidationFailedException>(() => f.SubmitAsync(id, "2025-Q1", 50));
        Assert.Contains("period", e3.Errors.Keys);
        var e4 = await Assert.ThrowsAsync<ValidationFailedException>(() => f.SubmitAsync(id, "2025", 50, dimension: "sex:female"));
        Assert.Contains("dimensionValue", e4.Errors.Keys);
        await Assert.ThrowsAsync<ForbiddenException>(() => f.SubmitAsync(id, "2025", 50, ResultsFixture.OtherReporterActor));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.SubmitAsync(id, "2025", 50, ResultsFixture.ValidatorActor));
        await using var db = f.As(ResultsFixture.PlannerActor);
        Assert.Equal(0, await db.ReportedValues.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task A_validator_never_approves_their_own_value_and_a_value_is_decided_once(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var id = await f.IndicatorAsync(owner: null);
        await using (var db = f.As(ResultsFixture.PlannerActor))
        {
            // Any validator for this one, so that the reporter-validator is allowed to decide, except on their own value.
            var i = await db.Indicators.FirstAsync(x => x.Id == id);
            i.ValidatorUserId = null;
            await db.SaveChangesAsync();
        }
        var own = await f.SubmitAsync(id, "2025", 70, ResultsFixture.ReporterValidatorActor);
        await Assert.ThrowsAsync<ForbiddenException>(() => f.ApproveAsync(own.Id, ResultsFixture.ReporterValidatorActor));
        await f.ApproveAsync(own.Id);
        var again = await Assert.ThrowsAsync<ValidationFailedException>(() => f.ApproveAsync(own.Id));
        Assert.Contains("valueId", again.Errors.Keys);
        await using var check = f.As(ResultsFixture.PlannerActor);
        Assert.Equal(ValueStatus.Validated, (await check.ReportedValues.SingleAsync()).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task Two_approvals_of_the_same_value_at_the_same_time_give_one_approval(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var id = await f.IndicatorAsync();
        var value = await f.SubmitAsync(id, "2025", 70);
        // Both read the value at the same version before either writes.
        await using var a = f.As(ResultsFixture.ValidatorActor);
        await using var b = f.As(ResultsFixture.ValidatorActor);
        var va = await a.ReportedValues.Include(x => x.Indicator).FirstAsync(x => x.Id == value.Id);
        var vb = await b.ReportedValues.Include(x => x.Indicator).FirstAsync(x => x.Id == value.Id);
        var outcomes = await Task.WhenAll(
            Try(() => new ApproveValue(a, f.Progress(a)).HandleAsync(new ApproveValue.Request(value.Id, va.Version))),
            Try(() => new ApproveValue(b, f.Progress(b)).HandleAsync(new ApproveValue.Request(value.Id, vb.Version))));
        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.Equal(1, outcomes.Count(o => o is ConcurrencyConflictException or ValidationFailedException));
        await using var check = f.As(ResultsFixture.PlannerActor);
        var stored = await check.ReportedValues.SingleAsync();
        Assert.Equal(ValueStatus.Validated, stored.Status);
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.EntityType == nameof(ReportedValue) && e.Action == "update"));
    }

    private static async Task<Exception?> Try(Func<Task> action)
    {
        try { await action(); return null; }
        catch (CadreException ex) { return ex; }
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task A_correction_is_a_new_revision_and_counts_only_once_validated(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var id = await f.IndicatorAsync();
        var first = await f.SubmitAsync(id, "2025", 72);
        await f.ApproveAsync(first.Id);
        await Assert.ThrowsAsync<ValidationFailedException>(() => f.SubmitAsync(id, "2025", 75));
        ReportedValue correction;
        await using (var db = f.As(ResultsFixture.ReporterActor))
        {
            await Assert.ThrowsAsync<ValidationFailedException>(() => new CorrectValue(db).HandleAsync(new CorrectValue.Request(first.Id, 75, " ")));
            correction = await new CorrectValue(db).HandleAsync(new CorrectValue.Request(first.Id, 75, "Revised survey"));
        }
        Assert.Equal(2, correction.Revision);
        Assert.Equal(first.Id, correction.CorrectsId);
        await using (var db = f.As(ResultsFixture.PlannerActor))
        {
            Assert.Equal(72m, (await f.Progress(db).GetAsync(f.PlanId, 2025))!.Indicators[id].Actual);
            var original = await db.ReportedValues.AsNoTracking().FirstAsync(v => v.Id == first.Id);
            Assert.Equal(72m, original.Value);
            Assert.Equal(ValueStatus.Validated, original.Status);
        }
        await f.ApproveAsync(correction.Id);
        await using (var db = f.As(ResultsFixture.PlannerActor))
        {
            Assert.Equal(75m, (await f.Progress(db).GetAsync(f.PlanId, 2025))!.Indicators[id].Actual);
            var history = await new ResultsQueries(db).HistoryAsync(id);
            Assert.Equal([1, 2], history!.Select(h => h.Revision));
            Assert.Equal([false, true], history!.Select(h => h.IsLatest));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Available), MemberType = typeof(Providers))]
    public async Task The_cached_progress_updated_incrementally_equals_a_full_recomputation(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var a = await f.IndicatorAsync("a");
        var b = await f.IndicatorAsync("b", f.Target2Id, Measure.Number, baseline: 10, endTarget: 50);
        await f.ApproveAsync((await f.SubmitAsync(a, "2025", 80)).Id);
        var pending = await f.SubmitAsync(b, "2025", 20);
        await using (var db = f.As(ResultsFixture.PlannerActor))
        {
            Assert.NotNull(await f.Progress(db).GetAsync(f.PlanId, 2025)); // fills the cache
        }
        await f.ApproveAsync(pending.Id);
        PlanProgress cached, fresh;
        await using (var db = f.As(ResultsFixture.PlannerActor))
        {
            cached = (await f.Progress(db).GetAsync(f.PlanId, 2025))!;
            using var empty = new MemoryCache(new MemoryCacheOptions());
            fresh = (await new ProgressService(db, empty).GetAsync(f.PlanId, 2025))!;
        }
        Assert.Equal(20m, cached.Indicators[b].Actual);
        foreach (var (key, row) in fresh.Elements)
        {
            Assert.Equal(row.Status, cached.Elements[key].Status);
            Assert.Equal(row.Achievement ?? -1, cached.Elements[key].Achievement ?? -1, 9);
            Assert.Equal(row.Coverage, cached.Elements[key].Coverage, 9);
        }
        Assert.Equal(fresh.Indicators[b], cached.Indicators[b] with { Name = fresh.Indicators[b].Name });
    }

    [Fact]
    public async Task Milestones_and_qualitative_ratings_take_part_in_the_roll_up()
    {
        await using var f = await ResultsFixture.CreateAsync(DatabaseProvider.Sqlite);
        var milestone = await f.IndicatorAsync("m", measure: Measure.Milestone, baseline: null, endTarget: 1);
        var rating = await f.IndicatorAsync("q", f.Target2Id, Measure.Qualitative, baseline: null, endTarget: 3);
        await Assert.ThrowsAsync<ValidationFailedException>(() => f.SubmitAsync(milestone, "2025", 2));
        await f.ApproveAsync((await f.SubmitAsync(milestone, "2025", 1)).Id);
        await f.ApproveAsync((await f.SubmitAsync(rating, "2025", (int)QualitativeRating.AtRisk)).Id);
        await using var db = f.As(ResultsFixture.PlannerActor);
        var p = (await f.Progress(db).GetAsync(f.PlanId, 2025))!;
        Assert.Equal(ProgressStatus.Achieved, p.Indicators[milestone].Status);
        Assert.Equal(ProgressStatus.AtRisk, p.Indicators[rating].Status);
        Assert.Equal((1.0 + Thresholds.Default.AtRisk) / 2, p.Elements[f.GoalId].Achievement!.Value, 9);
        Assert.Equal(2, p.ContributionsOf(f.GoalId).Count);
    }

    [Fact]
    public async Task Values_per_dimension_value_are_kept_apart_from_the_whole()
    {
        await using var f = await ResultsFixture.CreateAsync(DatabaseProvider.Sqlite);
        var id = await f.IndicatorAsync(dimensions: [StandardDimensions.Region]);
        await f.ApproveAsync((await f.SubmitAsync(id, "2025", 38, dimension: "itu-region:africa")).Id);
        await f.ApproveAsync((await f.SubmitAsync(id, "2025", 70)).Id);
        await Assert.ThrowsAsync<ValidationFailedException>(() => f.SubmitAsync(id, "2025", 50, dimension: "itu-region:atlantis"));
        await using var db = f.As(ResultsFixture.PlannerActor);
        var series = await new ResultsQueries(db).SeriesAsync(id);
        Assert.Equal(2, series!.Count);
        Assert.Contains(series, s => s.DimensionValue == "itu-region:africa" && s.Value == 38);
        Assert.Equal(70m, (await f.Progress(db).GetAsync(f.PlanId, 2025))!.Indicators[id].Actual);
        var dims = await new ResultsQueries(db).ListDimensionsAsync(f.PlanId);
        Assert.Equal(6, dims!.Single(d => d.Code == StandardDimensions.Region).Values.Count);
    }
}

using Cadre.Core.Demo;
using Cadre.Core.Results;
using Cadre.Core.Tests.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cadre.Core.Tests.Results;

public sealed class DemoResultsTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public async Task The_demo_strategic_plan_shows_every_status(int asOf)
    {
        await using var db = demo.NewContext();
        var planId = await db.Plans.Where(p => p.Code == DemoPlans.StrategicPlanCode).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var progress = await new ProgressService(db, cache).GetAsync(planId, asOf, TestContext.Current.CancellationToken);
        var statuses = progress!.Indicators.Values.Select(i => i.Status).ToHashSet();
        Assert.Equal(Enum.GetValues<ProgressStatus>().ToHashSet(), statuses);
        var internet = progress.Indicators.Values.Single(i => i.Code == "1.3.a");
        Assert.Equal(74m, internet.Actual);
        Assert.Equal(ProgressStatus.OnTrack, internet.Status);
        Assert.Contains(await db.ReportedValues.Select(v => v.Status).Distinct().ToListAsync(TestContext.Current.CancellationToken), s => s == ValueStatus.Provisional);
    }
}

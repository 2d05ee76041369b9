using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Cadre.Core.Results;
using Cadre.Core.Results.Handlers;
using Cadre.Core.Tests.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace Cadre.Core.Tests.Results;

/// <summary>A plan 2024-2027 with a goal, two targets under it, users for each role, and helpers to act as them.</summary>
internal sealed class ResultsFixture : IAsyncDisposable
{
    public const string Reporter = "u-reporter";
    public const string OtherReporter = "u-reporter2";
    public const string Validator = "u-validator";

    public required TestDatabase Database { get; init; }
    public int PlanId { get; private set; }
    public int GoalId { get; private set; }
    public int Target1Id { get; private set; }
    public int Target2Id { get; private set; }
    public MemoryCache Cache { get; } = new(new MemoryCacheOptions());

    public static readonly FixedActor PlannerActor = new("planner@test", "u-planner", [Roles.Planner]);
    public static readonly FixedActor ReporterActor = new("reporter@test", Reporter, [Roles.Reporter]);
    public static readonly FixedActor OtherReporterActor = new("reporter2@test", OtherReporter, [Roles.Reporter]);
    public static readonly FixedActor ValidatorActor = new("validator@test", Validator, [Roles.Validator]);
    /// <summary>Holds both roles: may submit, but never approve what they submitted.</summary>
    public static readonly FixedActor ReporterValidatorActor = new("both@test", Reporter, [Roles.Reporter, Roles.Validator]);

    public static async Task<ResultsFixture> CreateAsync(DatabaseProvider provider)
    {
        var f = new ResultsFixture { Database = await TestDatabase.CreateAsync(provider) };
        await using var db = f.Database.Context(PlannerActor);
        foreach (var role in new[] { Roles.Reporter, Roles.Validator }) db.Roles.Add(new IdentityRole(role) { Id = "r-" + role, NormalizedName = role.ToUpperInvariant() });
        foreach (var (id, role) in new[] { (Reporter, Roles.Reporter), (OtherReporter, Roles.Reporter), (Validator, Roles.Validator) })
        {
            db.Users.Add(new CadreUser { Id = id, UserName = id + "@test", Email = id + "@test" });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = "r-" + role });
        }
        await db.SaveChangesAsync();
        var plan = await new CreatePlan(db).HandleAsync(new CreatePlan.Request(PlanKind.Strategic, "SP", new Dictionary<string, string?> { ["en"] = "Plan" }, null, 2024, 2027));
        f.PlanId = plan.Id;
        var goal = await new CreateElement(db).HandleAsync(new CreateElement.Request(plan.Id, null, "goal", "1", new Dictionary<string, string?> { ["en"] = "Goal" }));
        f.GoalId = goal.Id;
        f.Target1Id = (await new CreateElement(db).HandleAsync(new CreateElement.Request(plan.Id, goal.Id, "target", "1.1", new Dictionary<string, string?> { ["en"] = "T1" }))).Id;
        f.Target2Id = (await new CreateElement(db).HandleAsync(new CreateElement.Request(plan.Id, goal.Id, "target", "1.2", new Dictionary<string, string?> { ["en"] = "T2" }))).Id;
        return f;
    }

    public CadreDbContext As(ICurrentActor actor) => Database.Context(actor);

    public ProgressService Progress(CadreDbContext db) => new(db, Cache);

    /// <summary>A percentage indicator: baseline 67 in 2023, 80 by 2027, reported by <see cref="Reporter"/> and validated by <see cref="Validator"/>.</summary>
    public async Task<int> IndicatorAsync(string code = "1.1.a", int? elementId = null, Measure measure = Measure.Percentage, decimal? baseline = 67, decimal? endTarget = 80,
        IReadOnlyList<string>? dimensions = null, string? owner = Reporter)
    {
        await using var db = As(PlannerActor);
        var i = await new SaveIndicator(db).HandleAsync(new SaveIndicator.Request(null, PlanId, elementId ?? Target1Id, code,
            new Dictionary<string, string?> { ["en"] = "Internet use " + code }, Measure: measure, BaselineValue: baseline, BaselineYear: baseline is null ? null : 2023,
            EndTarget: endTarget, OwnerUserId: owner, ValidatorUserId: Validator, Dimensions: dimensions));
        return i.Id;
    }

    public async Task<ReportedValue> SubmitAsync(int indicatorId, string period, decimal value, ICurrentActor? actor = null, string? dimension = null)
    {
        await using var db = As(actor ?? ReporterActor);
        return await new SubmitValue(db).HandleAsync(new SubmitValue.Request(indicatorId, period, value, dimension));
    }

    public async Task<ReportedValue> ApproveAsync(int valueId, ICurrentActor? actor = null)
    {
        await using var db = As(actor ?? ValidatorActor);
        return await new ApproveValue(db, Progress(db)).HandleAsync(new ApproveValue.Request(valueId));
    }

    public async ValueTask DisposeAsync()
    {
        Cache.Dispose();
        await Database.DisposeAsync();
    }
}

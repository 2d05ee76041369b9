namespace Cadre.Core.Finance;

/// <summary>
/// Which plan elements have indicators: the coherence checks need it ("indicators but no resources",
/// "resources but no indicators") and the Results area knows it. The Results area implements this
/// interface and registers it in place of <see cref="NoIndicatorCoverage"/> (a scoped service).
/// </summary>
public interface IIndicatorCoverage
{
    /// <summary>The ids of the elements of <paramref name="planId"/> that have at least one indicator.</summary>
    Task<IReadOnlySet<int>> ElementsWithIndicatorsAsync(int planId, CancellationToken ct);
}

/// <summary>
/// The default until the Results area is wired: knows no indicators. The coherence report then says
/// the indicator checks were not run rather than listing every resourced element as lacking indicators.
/// </summary>
public sealed class NoIndicatorCoverage : IIndicatorCoverage
{
    private static readonly IReadOnlySet<int> None = new HashSet<int>();

    public Task<IReadOnlySet<int>> ElementsWithIndicatorsAsync(int planId, CancellationToken ct) => Task.FromResult(None);
}

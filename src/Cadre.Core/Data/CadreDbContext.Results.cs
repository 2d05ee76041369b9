using Cadre.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Data;

public sealed partial class CadreDbContext
{
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<IndicatorDimension> IndicatorDimensions => Set<IndicatorDimension>();
    public DbSet<Dimension> Dimensions => Set<Dimension>();
    public DbSet<DimensionValue> DimensionValues => Set<DimensionValue>();
    public DbSet<ReportedValue> ReportedValues => Set<ReportedValue>();
    public DbSet<ResultsSettings> ResultsSettings => Set<ResultsSettings>();
}

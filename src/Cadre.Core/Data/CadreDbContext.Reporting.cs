using Cadre.Core.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Data;

public sealed partial class CadreDbContext
{
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportNarrativeText> ReportNarratives => Set<ReportNarrativeText>();
    public DbSet<ReportArtefact> ReportArtefacts => Set<ReportArtefact>();
    public DbSet<ReportGenerationJob> ReportJobs => Set<ReportGenerationJob>();
}

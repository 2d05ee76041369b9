using Cadre.Core.Drafting;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Data;

public sealed partial class CadreDbContext
{
    public DbSet<Instrument> Instruments => Set<Instrument>();
    public DbSet<InstrumentVersion> InstrumentVersions => Set<InstrumentVersion>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalRevision> ProposalRevisions => Set<ProposalRevision>();
    public DbSet<Compilation> Compilations => Set<Compilation>();
}

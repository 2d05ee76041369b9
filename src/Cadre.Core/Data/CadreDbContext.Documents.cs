using Cadre.Core.Governance.Contributions;
using Cadre.Core.Governance.Documents;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Data;

public sealed partial class CadreDbContext
{
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentFile> DocumentFiles => Set<DocumentFile>();
    public DbSet<Contribution> Contributions => Set<Contribution>();
    public DbSet<ContributionProposal> ContributionProposals => Set<ContributionProposal>();
}

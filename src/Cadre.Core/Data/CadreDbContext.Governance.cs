using Cadre.Core.Governance;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Data;

public sealed partial class CadreDbContext
{
    public DbSet<Body> Bodies => Set<Body>();
    public DbSet<BodyOfficer> BodyOfficers => Set<BodyOfficer>();
    public DbSet<BodyMember> BodyMembers => Set<BodyMember>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<LiaisonStatement> LiaisonStatements => Set<LiaisonStatement>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<RecommendationElement> RecommendationElements => Set<RecommendationElement>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
}

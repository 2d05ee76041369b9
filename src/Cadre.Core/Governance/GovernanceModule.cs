using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Governance;

/// <summary>The services of the Governance area (handlers and queries), for the web app and the CLI.</summary>
public static class GovernanceModule
{
    public static IServiceCollection AddGovernance(this IServiceCollection services)
    {
        return services;
    }
}

/// <summary>The tables of the Governance area (called by CadreDbContext.OnModelCreating).</summary>
internal static class GovernanceModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Member>(e =>
        {
            e.ToTable("gov_members");
            e.Property(m => m.Code).HasMaxLength(20);
            e.HasIndex(m => m.Code).IsUnique();
            e.MapText(m => m.Name, 300);
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.Region).HasMaxLength(40);
        });
    }
}

using Cadre.Core.Drafting.Handlers;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Drafting;

/// <summary>The services of the Drafting area (handlers and queries), for the web app and the CLI.</summary>
public static class DraftingModule
{
    public static IServiceCollection AddDrafting(this IServiceCollection services)
    {
        services.AddScoped<DraftingQueries>();
        services.AddScoped<CreateInstrument>();
        services.AddScoped<CreateVersion>();
        services.AddScoped<PublishVersion>();
        services.AddScoped<SaveProposal>();
        services.AddScoped<SubmitProposal>();
        services.AddScoped<CreateCompilation>();
        services.AddScoped<ResolveConflict>();
        services.AddScoped<CompleteCompilation>();
        services.AddScoped<ImportTrackedChanges>();
        services.AddScoped<SubmitProposalToMeeting>();
        return services;
    }
}

/// <summary>The tables of the Drafting area (called by CadreDbContext.OnModelCreating).</summary>
internal static class DraftingModel
{
    public static void Configure(ModelBuilder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        b.Entity<Instrument>(e =>
        {
            e.ToTable("dft_instruments");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Body).HasMaxLength(100);
            e.Property(x => x.Number).HasMaxLength(20);
            e.MapText(x => x.Title, 400);
            e.HasIndex(x => new { x.Kind, x.Body, x.Number }).IsUnique();
        });
        b.Entity<InstrumentVersion>(e =>
        {
            e.ToTable("dft_versions");
            e.Property(x => x.Label).HasMaxLength(200);
            e.Property(x => x.Language).HasMaxLength(8);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Provenance).HasMaxLength(1000);
            e.Ignore(x => x.Paragraphs);
            e.HasOne(x => x.Instrument).WithMany(i => i.Versions).HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.InstrumentId, x.Label, x.Language }).IsUnique();
        });
        b.Entity<Proposal>(e =>
        {
            e.ToTable("dft_proposals");
            e.Property(x => x.MemberCode).HasMaxLength(20);
            e.Property(x => x.CoSigners).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Ignore(x => x.CoSignerCodes);
            e.Ignore(x => x.AllMembers);
            e.HasOne(x => x.BaseVersion).WithMany().HasForeignKey(x => x.BaseVersionId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Revisions).WithOne().HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.BaseVersionId, x.MemberCode });
            e.HasOne<Governance.Contributions.Contribution>().WithMany().HasForeignKey(x => x.ContributionId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => x.ContributionId);
        });
        b.Entity<ProposalRevision>(e =>
        {
            e.ToTable("dft_proposal_revisions");
            e.Property(x => x.Author).HasMaxLength(256);
            e.Ignore(x => x.Changes);
            e.HasIndex(x => new { x.ProposalId, x.Number }).IsUnique();
        });
        b.Entity<Compilation>(e =>
        {
            e.ToTable("dft_compilations");
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.ProposalIds).HasMaxLength(1000);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Ignore(x => x.ProposalIdList);
            e.HasOne(x => x.BaseVersion).WithMany().HasForeignKey(x => x.BaseVersionId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

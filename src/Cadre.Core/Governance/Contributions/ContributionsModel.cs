using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Governance.Contributions;

/// <summary>The contribution tables (called from DocumentsModel.Configure).</summary>
internal static class ContributionsModel
{
    public const int TitleMaxLength = 400;
    public const int SummaryMaxLength = 4000;
    public const int ProposalMaxLength = 4000;
    public const int NoteMaxLength = 1000;

    public static void Configure(ModelBuilder b)
    {
        b.Entity<Contribution>(e =>
        {
            e.ToTable("gov_contributions");
            e.MapText(x => x.Title, TitleMaxLength);
            e.Property(x => x.Summary).HasMaxLength(SummaryMaxLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.AcceptedLateBy).HasMaxLength(256);
            e.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.LeadMember).WithMany().HasForeignKey(x => x.LeadMemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Documents.Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Signers).WithOne().HasForeignKey(x => x.ContributionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Proposals).WithOne().HasForeignKey(x => x.ContributionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.BodyId, x.Status });
        });
        b.Entity<ContributionSigner>(e =>
        {
            e.ToTable("gov_contribution_signers");
            e.HasKey(x => new { x.ContributionId, x.MemberId });
            e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ContributionProposal>(e =>
        {
            e.ToTable("gov_contribution_proposals");
            e.Property(x => x.Text).HasMaxLength(ProposalMaxLength);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.OutcomeNote).HasMaxLength(NoteMaxLength);
            e.Property(x => x.OutcomeBy).HasMaxLength(256);
            e.HasIndex(x => new { x.ContributionId, x.Number }).IsUnique();
        });
    }
}

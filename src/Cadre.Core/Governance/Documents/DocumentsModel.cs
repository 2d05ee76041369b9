using Cadre.Core.Data;
using Cadre.Core.Governance.Contributions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Core.Governance.Documents;

/// <summary>The services of the document registry and contributions (registered by GovernanceModule).</summary>
public static class DocumentsModule
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<DocumentQueries>();
        services.AddScoped<RegisterDocument>();
        services.AddScoped<UploadDocumentFile>();
        services.AddScoped<ContributionQueries>();
        services.AddScoped<SaveContribution>();
        services.AddScoped<SubmitContribution>();
        services.AddScoped<RecordOutcome>();
        services.AddScoped<DeleteContribution>();
        services.AddScoped<WithdrawContribution>();
        return services;
    }
}

/// <summary>
/// The tables of the document registry and contributions (called from GovernanceModel.Configure). The
/// full-text index over <see cref="Document.SearchText"/> is not in the model: the hand-written
/// <c>DocumentSearch</c> migration of each provider creates it (ADR 0004).
/// </summary>
internal static class DocumentsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Document>(e =>
        {
            e.ToTable("gov_documents");
            e.Property(x => x.Symbol).HasMaxLength(80);
            e.HasIndex(x => x.Symbol).IsUnique();
            e.Property(x => x.BaseSymbol).HasMaxLength(80);
            e.HasIndex(x => x.BaseSymbol);
            e.Property(x => x.SymbolBody).HasMaxLength(40);
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Access).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.OriginalLanguage).HasMaxLength(8);
            e.MapText(x => x.Title, 500);
            e.HasIndex(x => x.RegisteredAtUtc);
            e.HasIndex(x => x.DocumentDate);
            e.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Sources).WithOne().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Files).WithOne().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.References).WithOne().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DocumentSource>(e =>
        {
            e.ToTable("gov_document_sources");
            e.HasKey(x => new { x.DocumentId, x.MemberId });
            e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<DocumentFile>(e =>
        {
            e.ToTable("gov_document_files");
            e.Property(x => x.Language).HasMaxLength(8);
            e.Property(x => x.FileName).HasMaxLength(DocumentFiles.MaxFileNameLength);
            e.Property(x => x.ContentType).HasMaxLength(120);
            e.HasIndex(x => new { x.DocumentId, x.Language }).IsUnique();
        });
        b.Entity<DocumentReference>(e =>
        {
            e.ToTable("gov_document_references");
            e.HasKey(x => new { x.DocumentId, x.ReferencedDocumentId });
            e.HasOne(x => x.Referenced).WithMany().HasForeignKey(x => x.ReferencedDocumentId).OnDelete(DeleteBehavior.Restrict);
        });
        ContributionsModel.Configure(b);
    }
}

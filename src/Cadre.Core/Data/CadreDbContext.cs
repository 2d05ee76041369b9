using System.Globalization;
using System.Text.Json;
using Cadre.Core.Audit;
using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Identity;
using Cadre.Core.Planning;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cadre.Core.Data;

/// <summary>
/// The one database context. Every write goes through <see cref="SaveChangesAsync(CancellationToken)"/>,
/// which bumps concurrency tokens and appends the audit trail in the same transaction.
/// </summary>
public sealed partial class CadreDbContext(
    DbContextOptions<CadreDbContext> options,
    ICurrentActor? actor = null,
    TimeProvider? clock = null)
    : IdentityDbContext<CadreUser>(options), IDataProtectionKeyContext
{
    private static readonly HashSet<string> SecretFields = new(StringComparer.Ordinal)
    {
        nameof(CadreUser.PasswordHash), nameof(CadreUser.SecurityStamp), nameof(CadreUser.ConcurrencyStamp),
        nameof(PersonalAccessToken.TokenHash),
    };

    private readonly ICurrentActor _actor = actor ?? FixedActor.System;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<Member> Members => Set<Member>();

    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<FrameworkLevel> FrameworkLevels => Set<FrameworkLevel>();
    public DbSet<PlanElement> PlanElements => Set<PlanElement>();
    public DbSet<Vocabulary> Vocabularies => Set<Vocabulary>();
    public DbSet<VocabularyEntry> VocabularyEntries => Set<VocabularyEntry>();
    public DbSet<ElementLink> ElementLinks => Set<ElementLink>();

    private static long s_dataVersion;

    /// <summary>
    /// Goes up after every committed write in this process, so that caches of derived figures (the
    /// dashboard) can tell they are stale. Other processes' writes are not seen: such caches also expire.
    /// </summary>
    public static long DataVersion => Interlocked.Read(ref s_dataVersion);

    public ICurrentActor Actor => _actor;
    public TimeProvider Clock => _clock;
    public DateTime UtcNow => _clock.GetUtcNow().UtcDateTime;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        IdentityModel.Configure(builder);
        AuditModel.Configure(builder);
        PlanningModel.Configure(builder);
        // One model class per area, each in its own folder (and its DbSets in a CadreDbContext.<Area>.cs partial).
        Results.ResultsModel.Configure(builder);
        Drafting.DraftingModel.Configure(builder);
        GovernanceModel.Configure(builder);
        Consultation.ConsultationModel.Configure(builder);
        Finance.FinanceModel.Configure(builder);
        Reporting.ReportingModel.Configure(builder);
        Cadre.Core.Notifications.NotificationsModel.Configure(builder);

        foreach (var type in builder.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(type.ClrType))
            {
                builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
    }

    /// <summary>
    /// Every DateTime is UTC: written as UTC whatever its kind, and read back marked as UTC (SQLite keeps
    /// no kind, and PostgreSQL's timestamptz refuses unmarked values).
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    /// <summary>
    /// Sets the version the caller last read, so that the update fails with a conflict when another
    /// write came in between.
    /// </summary>
    public void ExpectVersion<T>(T entity, int? expectedVersion) where T : class, IVersioned
    {
        if (expectedVersion is null) return;
        if (entity.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException(Messages.Get("Error.Conflict"));
        }
        Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion.Value;
    }

    /// <summary>
    /// Synchronous saves are allowed only for unaudited infrastructure rows (the data-protection key
    /// store writes its keys synchronously); audited changes go through <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        if (ChangeTracker.Entries().Any(e => e.State is not (EntityState.Unchanged or EntityState.Detached) && e.Entity is not DataProtectionKey))
        {
            throw new NotSupportedException("Use SaveChangesAsync: every write is audited in the same transaction.");
        }
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var now = UtcNow;
        var pending = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("The audit trail is append-only.");
                }
                continue;
            }
            if (entry.State is EntityState.Modified && entry.Entity is IVersioned versioned)
            {
                var original = (int)entry.Property(nameof(IVersioned.Version)).OriginalValue!;
                versioned.Version = original + 1;
            }
            if (entry.Entity is IAudited or CadreUser or IdentityUserRole<string> &&
                entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                pending.Add(Capture(entry));
            }
        }

        if (pending.Count == 0)
        {
            var saved = await SaveCoreAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (saved > 0) Interlocked.Increment(ref s_dataVersion);
            return saved;
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var count = await SaveCoreAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var p in pending)
            {
                AuditEntries.Add(new AuditEntry
                {
                    AtUtc = now,
                    UserId = _actor.UserId,
                    Actor = _actor.Name,
                    Action = p.Action,
                    EntityType = p.EntityType,
                    EntityId = p.Entry.State == EntityState.Detached && p.Action != AuditActions.Delete ? p.KeyBefore : KeyOf(p.Entry) ?? p.KeyBefore,
                    Summary = p.Summary,
                    ChangesJson = AddKeys(p),
                });
            }
            await SaveCoreAsync(true, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            Interlocked.Increment(ref s_dataVersion);
            return count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>Appends an event that is not an entity change (login, refused access).</summary>
    public async Task RecordEventAsync(string action, string? userId, string actor, string? summary, CancellationToken ct = default)
    {
        AuditEntries.Add(new AuditEntry
        {
            AtUtc = UtcNow,
            UserId = userId,
            Actor = actor,
            Action = action,
            EntityType = "event",
            Summary = summary is { Length: > 1000 } ? summary[..1000] : summary,
        });
        await SaveCoreAsync(true, ct);
    }

    private async Task<int> SaveCoreAsync(bool accept, CancellationToken ct)
    {
        try
        {
            return await base.SaveChangesAsync(accept, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(Messages.Get("Error.Conflict"));
        }
    }

    private sealed record PendingAudit(EntityEntry Entry, string Action, string EntityType, string? KeyBefore, string? Summary, Dictionary<string, object?[]> Changes);

    private static PendingAudit Capture(EntityEntry entry)
    {
        var action = entry.State switch
        {
            EntityState.Added => AuditActions.Create,
            EntityState.Deleted => AuditActions.Delete,
            _ => AuditActions.Update,
        };
        var changes = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var prop in entry.Properties)
        {
            var name = prop.Metadata.Name;
            if (name == nameof(IVersioned.Version)) continue;
            AddChange(changes, name, prop, entry.State);
        }
        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var prop in complex.Properties)
            {
                AddChange(changes, complex.Metadata.Name + "." + prop.Metadata.Name, prop, entry.State);
            }
        }
        var type = entry.Entity is IdentityUserRole<string> ? "UserRole" : entry.Metadata.ClrType.Name;
        string? summary = entry.Entity switch
        {
            Plan p => p.Code,
            PlanElement e => e.Code,
            FrameworkLevel l => l.Code,
            Vocabulary v => v.Code,
            VocabularyEntry v => v.Code,
            Member m => m.Code,
            CadreUser u => u.Email,
            _ => null,
        };
        return new PendingAudit(entry, action, type, KeyOf(entry), summary, changes);
    }

    private static void AddChange(Dictionary<string, object?[]> changes, string name, PropertyEntry prop, EntityState state)
    {
        var secret = SecretFields.Contains(prop.Metadata.Name);
        object? Show(object? v) => secret ? (v is null ? null : "***") : Normalize(v);
        switch (state)
        {
            case EntityState.Added:
                if (prop.CurrentValue is not null && !prop.Metadata.IsPrimaryKey()) changes[name] = [null, Show(prop.CurrentValue)];
                break;
            case EntityState.Deleted:
                if (prop.OriginalValue is not null && !prop.Metadata.IsPrimaryKey()) changes[name] = [Show(prop.OriginalValue), null];
                break;
            default:
                if (prop.IsModified && !Equals(prop.OriginalValue, prop.CurrentValue))
                {
                    changes[name] = [Show(prop.OriginalValue), Show(prop.CurrentValue)];
                }
                break;
        }
    }

    private static string? Normalize(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return null;
        var parts = key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture));
        return string.Join("/", parts);
    }

    private static string AddKeys(PendingAudit p)
    {
        // Foreign keys of created rows are known only after the first save (generated identities).
        if (p.Action == AuditActions.Create)
        {
            foreach (var prop in p.Entry.Properties)
            {
                if (prop.Metadata.IsForeignKey() && prop.CurrentValue is not null)
                {
                    p.Changes[prop.Metadata.Name] = [null, Normalize(prop.CurrentValue)];
                }
            }
        }
        return JsonSerializer.Serialize(p.Changes);
    }
}

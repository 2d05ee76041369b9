namespace Cadre.Core.Common;

/// <summary>
/// An entity guarded by an application-managed concurrency token. SQLite has no database-generated
/// row version, so <see cref="Data.CadreDbContext"/> increments <see cref="Version"/> on every update.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>An entity whose changes are written to the audit trail under a readable type name.</summary>
public interface IAudited
{
}

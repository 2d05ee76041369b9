using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cadre.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for Sqlite without a running host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CadreDbContext>
{
    public CadreDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new CadreDbContext(options.Options);
    }
}

using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cadre.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for Postgres without a running host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CadreDbContext>
{
    public CadreDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=cadre_design;Username=postgres");
        return new CadreDbContext(options.Options);
    }
}

using Cadre.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Data;

public sealed partial class CadreDbContext
{
    public DbSet<Notification> Notifications => Set<Notification>();
}

namespace Cadre.Web.Infrastructure;

public static class OutputCachePolicies
{
    /// <summary>The home dashboard for anonymous visitors: see Program.cs.</summary>
    public const string PublicDashboard = "public-dashboard";
}

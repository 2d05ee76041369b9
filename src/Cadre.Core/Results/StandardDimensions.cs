using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Results;

/// <summary>The dimensions every plan gets: sex, the six ITU regions, the World Bank income groups.</summary>
public static class StandardDimensions
{
    public const string Sex = "sex";
    public const string Region = "itu-region";
    public const string Income = "income-group";

    private static readonly (string Code, string En, string Fr, (string Code, string En, string Fr)[] Values)[] All =
    [
        (Sex, "Sex", "Sexe", [("female", "Female", "Femmes"), ("male", "Male", "Hommes")]),
        (Region, "ITU region", "Région de l'UIT",
        [
            ("africa", "Africa", "Afrique"),
            ("americas", "Americas", "Amériques"),
            ("arab-states", "Arab States", "États arabes"),
            ("asia-pacific", "Asia and the Pacific", "Asie-Pacifique"),
            ("cis", "CIS", "CEI"),
            ("europe", "Europe", "Europe"),
        ]),
        (Income, "Income group", "Groupe de revenu",
        [
            ("low", "Low income", "Faible revenu"),
            ("lower-middle", "Lower-middle income", "Revenu intermédiaire (tranche inférieure)"),
            ("upper-middle", "Upper-middle income", "Revenu intermédiaire (tranche supérieure)"),
            ("high", "High income", "Revenu élevé"),
        ]),
    ];

    /// <summary>Adds the standard dimensions a plan lacks (tracked, saved by the caller's SaveChangesAsync).</summary>
    public static async Task<List<Dimension>> EnsureAsync(CadreDbContext db, int planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Dimensions.Include(d => d.Values).Where(d => d.PlanId == planId).ToListAsync(ct);
        var sort = 0;
        foreach (var (code, en, fr, values) in All)
        {
            if (existing.Any(d => d.Code == code)) { sort++; continue; }
            var d = new Dimension
            {
                PlanId = planId,
                Code = code,
                Name = new LocalizedText(en, fr),
                IsStandard = true,
                SortOrder = sort++,
                Values = values.Select((v, i) => new DimensionValue { Code = v.Code, Name = new LocalizedText(v.En, v.Fr), SortOrder = i }).ToList(),
            };
            db.Dimensions.Add(d);
            existing.Add(d);
        }
        return existing;
    }
}

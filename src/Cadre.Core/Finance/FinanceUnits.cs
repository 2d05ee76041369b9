using Cadre.Core.Common;

namespace Cadre.Core.Finance;

/// <summary>The organizational units that hold resources: the General Secretariat and the three Sectors.</summary>
public static class FinanceUnits
{
    public const string GeneralSecretariat = "GS";
    public const string Radiocommunication = "ITU-R";
    public const string Standardization = "ITU-T";
    public const string Development = "ITU-D";

    public static readonly IReadOnlyList<string> All = [GeneralSecretariat, Radiocommunication, Standardization, Development];

    private static readonly Dictionary<string, LocalizedText> Names = new(StringComparer.Ordinal)
    {
        [GeneralSecretariat] = new("General Secretariat", "Secrétariat général"),
        [Radiocommunication] = new("Radiocommunication Sector (ITU-R)", "Secteur des radiocommunications (UIT-R)"),
        [Standardization] = new("Telecommunication Standardization Sector (ITU-T)", "Secteur de la normalisation des télécommunications (UIT-T)"),
        [Development] = new("Telecommunication Development Sector (ITU-D)", "Secteur du développement des télécommunications (UIT-D)"),
    };

    /// <summary>The unit's code as written in <see cref="All"/>, ignoring case; null when unknown.</summary>
    public static string? Normalize(string? unit) =>
        All.FirstOrDefault(u => string.Equals(u, unit?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Name(string unit, string language) => Names.TryGetValue(unit, out var n) ? n.Get(language) : unit;
}

/// <summary>Exact money: CHF as decimal, centimes as long for the attribution engine.</summary>
public static class Money
{
    /// <summary>Largest amount accepted (CHF 10 billion): well inside numeric(18,2).</summary>
    public const decimal MaxAmount = 10_000_000_000m;

    public static long ToMinor(decimal chf) => (long)decimal.Round(chf * 100m, 0, MidpointRounding.ToEven);

    public static decimal FromMinor(long minor) => minor / 100m;

    /// <summary>True when the amount has at most two decimals (whole centimes).</summary>
    public static bool IsWholeCentimes(decimal chf) => decimal.Round(chf, 2) == chf;

    /// <summary>The amount in CHF thousands, as ITU documents show it (one decimal).</summary>
    public static string Thousands(decimal chf, IFormatProvider? culture = null) =>
        (chf / 1000m).ToString("#,##0.0", culture ?? System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>Checks an amount: not negative, whole centimes, below <see cref="MaxAmount"/>.</summary>
    public static void Check(Validation v, string field, decimal amount)
    {
        if (amount < 0) v.Add(field, Messages.Get("Finance.Error.NegativeAmount"));
        else if (amount > MaxAmount) v.Add(field, Messages.Format("Finance.Error.AmountTooLarge", MaxAmount));
        else if (!IsWholeCentimes(amount)) v.Add(field, Messages.Get("Finance.Error.Centimes"));
    }
}

/// <summary>Who may do what in Finance. Pages, API and CLI all ask here.</summary>
public static class FinancePermissions
{
    /// <summary>Budgets, keys, resources, risks and expenditure: Planners only.</summary>
    public static bool CanEdit(ICurrentActor actor) => Planning.PlanningPermissions.CanEdit(actor);

    public static void EnsureCanEdit(ICurrentActor actor) => Planning.PlanningPermissions.EnsureCanEdit(actor);

    /// <summary>The financial plan, budgets and attribution follow their plan: public once adopted.</summary>
    public static bool CanRead(ICurrentActor actor, Planning.Plan plan) => Planning.PlanningPermissions.CanRead(actor, plan);

    /// <summary>The risk register is internal: the secretariat and the Council.</summary>
    public static bool CanReadRisks(ICurrentActor actor) => Planning.PlanningPermissions.CanReadDrafts(actor);
}

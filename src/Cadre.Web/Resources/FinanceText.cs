namespace Cadre.Web.Resources;

/// <summary>Finance pages (financial plan, budgets, attribution, coherence, risks, operational plans).</summary>
public sealed class FinanceText;

namespace Cadre.Web.Resources;

/// <summary>Results pages: indicators, values, bulk import, dashboards.</summary>
public sealed class ResultsText;

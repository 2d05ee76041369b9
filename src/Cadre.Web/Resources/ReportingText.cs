namespace Cadre.Web.Resources;

/// <summary>Reporting pages (reports, their workflow, generation, the public report) and the notifications inbox.</summary>
public sealed class ReportingText;

namespace Cadre.Web.Resources;

/// <summary>Marker for the Governance area's interface strings (GovernanceText.resx, GovernanceText.fr.resx).</summary>
public sealed class GovernanceText;

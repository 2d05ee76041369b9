namespace Cadre.Web.Resources;

/// <summary>Drafting pages (DraftingText.resx and DraftingText.fr.resx).</summary>
public sealed class DraftingText;

namespace Cadre.Web.Resources;

/// <summary>Marker for the document registry and contribution pages' strings (DocumentsText.resx, DocumentsText.fr.resx).</summary>
public sealed class DocumentsText;

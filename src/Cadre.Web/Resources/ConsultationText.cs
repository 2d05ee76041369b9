namespace Cadre.Web.Resources;

/// <summary>Consultation (survey) pages.</summary>
public sealed class ConsultationText;

namespace Cadre.Web.Resources;

// Marker types for IStringLocalizer<T>: one resource file pair (.resx and .fr.resx) per area, so that
// each area's strings stay together. A test checks that every English key has a French value.

/// <summary>Layout, navigation and strings shared by every area.</summary>
public sealed class SharedText;

/// <summary>Planning pages.</summary>
public sealed class PlanningText;

/// <summary>Sign-in, account and user administration pages.</summary>
public sealed class AccountText;

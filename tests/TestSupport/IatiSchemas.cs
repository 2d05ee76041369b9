using System.Xml;
using System.Xml.Schema;

namespace Cadre.TestSupport;

/// <summary>
/// Validation against the official IATI 2.03 schemas in <c>../shared/schemas/iati-2.03</c>, shared by the Core, CLI
/// and web tests (linked into each test project): DTDs prohibited, and only files under the schema folder are
/// resolved, so a schema that names a web address fails instead of fetching it.
/// </summary>
internal static class IatiSchemas
{
    public const string Organisations = "iati-organisations-schema.xsd";
    public const string Activities = "iati-activities-schema.xsd";

    /// <summary>The schema folder, found from the repository root (the folder holding Cadre.slnx).</summary>
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Cadre.slnx")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "schemas", "iati-2.03"));
                }
            }
            throw new InvalidOperationException("Cadre.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    private sealed class LocalOnlyResolver(string folder) : XmlUrlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (!absoluteUri.IsFile || !Path.GetFullPath(absoluteUri.LocalPath).StartsWith(folder, StringComparison.Ordinal))
            {
                throw new XmlException("Refusing to fetch " + absoluteUri);
            }
            return base.GetEntity(absoluteUri, role, ofObjectToReturn);
        }
    }

    /// <summary>The validation errors and warnings of <paramref name="xml"/> against <paramref name="schemaFile"/>
    /// (<see cref="Organisations"/> or <see cref="Activities"/>); empty when the file is valid.</summary>
    public static List<string> Validate(byte[] xml, string schemaFile)
    {
        var folder = Folder;
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException("The IATI schemas are missing: " + folder);
        var resolver = new LocalOnlyResolver(folder);
        var schemas = new XmlSchemaSet { XmlResolver = resolver };
        var readerSettings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = resolver };
        using (var schemaReader = XmlReader.Create(Path.Combine(folder, schemaFile), readerSettings))
        {
            schemas.Add(null, schemaReader);
        }
        schemas.Compile();
        var errors = new List<string>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }
}

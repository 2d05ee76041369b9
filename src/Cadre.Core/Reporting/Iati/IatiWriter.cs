using System.Globalization;
using System.Text;
using System.Xml;

namespace Cadre.Core.Reporting.Iati;

/// <summary>
/// Writes IATI 2.03 XML (iatistandard.org): the organisation file and the activities file, in the element
/// order the official schemas require (they are checked against ../shared/schemas/iati-2.03 in the tests).
/// Narratives in the default language carry no xml:lang; others do.
/// </summary>
public static class IatiWriter
{
    private const string Version = "2.03";
    private const string XmlNs = "http://www.w3.org/XML/1998/namespace";

    public static byte[] WriteOrganisations(IatiOrganisationFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Write(w =>
        {
            w.WriteStartElement("iati-organisations");
            w.WriteAttributeString("version", Version);
            w.WriteAttributeString("generated-datetime", DateTimeText(file.LastUpdatedUtc));
            w.WriteStartElement("iati-organisation");
            w.WriteAttributeString("last-updated-datetime", DateTimeText(file.LastUpdatedUtc));
            w.WriteAttributeString("xml", "lang", XmlNs, file.DefaultLanguage);
            w.WriteAttributeString("default-currency", file.DefaultCurrency);
            w.WriteElementString("organisation-identifier", file.Organisation.Ref);
            w.WriteStartElement("name");
            Narratives(w, file.Organisation.Name, file.DefaultLanguage);
            w.WriteEndElement();
            ReportingOrg(w, file.Organisation, file.DefaultLanguage);
            foreach (var b in file.TotalBudgets.OrderBy(b => b.Year))
            {
                w.WriteStartElement("total-budget");
                w.WriteAttributeString("status", b.Status);
                YearPeriod(w, b.Year);
                Value(w, b.Amount, file.DefaultCurrency, new DateOnly(b.Year, 1, 1));
                w.WriteEndElement();
            }
            foreach (var e in file.TotalExpenditures.OrderBy(b => b.Year))
            {
                w.WriteStartElement("total-expenditure");
                YearPeriod(w, e.Year);
                Value(w, e.Amount, file.DefaultCurrency, new DateOnly(e.Year, 1, 1));
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    public static byte[] WriteActivities(IatiActivitiesFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Write(w =>
        {
            w.WriteStartElement("iati-activities");
            w.WriteAttributeString("version", Version);
            w.WriteAttributeString("generated-datetime", DateTimeText(file.GeneratedUtc));
            foreach (var a in file.Activities)
            {
                Activity(w, a, file);
            }
            w.WriteEndElement();
        });
    }

    private static void Activity(XmlWriter w, IatiActivity a, IatiActivitiesFile file)
    {
        var lang = file.DefaultLanguage;
        w.WriteStartElement("iati-activity");
        w.WriteAttributeString("last-updated-datetime", DateTimeText(a.LastUpdatedUtc));
        w.WriteAttributeString("xml", "lang", XmlNs, lang);
        w.WriteAttributeString("default-currency", file.DefaultCurrency);
        w.WriteAttributeString("hierarchy", "1");
        w.WriteElementString("iati-identifier", a.Identifier);
        ReportingOrg(w, file.ReportingOrganisation, lang);
        w.WriteStartElement("title");
        Narratives(w, a.Title, lang);
        w.WriteEndElement();
        w.WriteStartElement("description");
        w.WriteAttributeString("type", "1");
        Narratives(w, a.Description.Count > 0 ? a.Description : a.Title, lang);
        w.WriteEndElement();
        foreach (var role in new[] { "1", "4" }) // funding and implementing: the organisation itself
        {
            w.WriteStartElement("participating-org");
            w.WriteAttributeString("ref", file.ReportingOrganisation.Ref);
            w.WriteAttributeString("type", file.ReportingOrganisation.TypeCode);
            w.WriteAttributeString("role", role);
            Narratives(w, file.ReportingOrganisation.Name, lang);
            w.WriteEndElement();
        }
        w.WriteStartElement("activity-status");
        w.WriteAttributeString("code", a.StatusCode);
        w.WriteEndElement();
        ActivityDate(w, "1", a.PlannedStart);
        ActivityDate(w, "3", a.PlannedEnd);
        foreach (var b in a.Budgets)
        {
            w.WriteStartElement("budget");
            w.WriteAttributeString("type", b.TypeCode);
            w.WriteAttributeString("status", b.StatusCode);
            Period(w, b.Start, b.End);
            Value(w, b.Amount, file.DefaultCurrency, b.Start);
            w.WriteEndElement();
        }
        foreach (var r in a.Results.Where(r => r.Indicators.Count > 0))
        {
            w.WriteStartElement("result");
            w.WriteAttributeString("type", r.TypeCode);
            w.WriteStartElement("title");
            Narratives(w, r.Title, lang);
            w.WriteEndElement();
            foreach (var i in r.Indicators) Indicator(w, i, lang);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Indicator(XmlWriter w, IatiIndicator i, string lang)
    {
        w.WriteStartElement("indicator");
        w.WriteAttributeString("measure", i.MeasureCode);
        w.WriteAttributeString("ascending", i.Ascending ? "1" : "0");
        w.WriteStartElement("title");
        Narratives(w, i.Title, lang);
        w.WriteEndElement();
        if (i.BaselineYear is { } year)
        {
            w.WriteStartElement("baseline");
            w.WriteAttributeString("year", year.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("iso-date", new DateOnly(year, 12, 31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (i.BaselineValue is { } v) w.WriteAttributeString("value", Number(v));
            w.WriteEndElement();
        }
        foreach (var p in i.Periods)
        {
            w.WriteStartElement("period");
            Period(w, p.Start, p.End);
            if (p.Target is { } t)
            {
                w.WriteStartElement("target");
                w.WriteAttributeString("value", Number(t));
                w.WriteEndElement();
            }
            if (p.Actual is { } a)
            {
                w.WriteStartElement("actual");
                w.WriteAttributeString("value", Number(a));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void ReportingOrg(XmlWriter w, IatiOrganisation org, string lang)
    {
        w.WriteStartElement("reporting-org");
        w.WriteAttributeString("ref", org.Ref);
        w.WriteAttributeString("type", org.TypeCode);
        Narratives(w, org.Name, lang);
        w.WriteEndElement();
    }

    private static void Narratives(XmlWriter w, IReadOnlyDictionary<string, string> text, string defaultLanguage)
    {
        var written = false;
        // The default language first, without xml:lang; then the others, marked.
        foreach (var (language, value) in text.OrderBy(kv => kv.Key == defaultLanguage ? 0 : 1).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            w.WriteStartElement("narrative");
            if (language != defaultLanguage) w.WriteAttributeString("xml", "lang", XmlNs, language);
            w.WriteString(value);
            w.WriteEndElement();
            written = true;
        }
        if (!written) w.WriteElementString("narrative", "-");
    }

    private static void ActivityDate(XmlWriter w, string type, DateOnly date)
    {
        w.WriteStartElement("activity-date");
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("iso-date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }

    private static void YearPeriod(XmlWriter w, int year) => Period(w, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    private static void Period(XmlWriter w, DateOnly start, DateOnly end)
    {
        w.WriteStartElement("period-start");
        w.WriteAttributeString("iso-date", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteEndElement();
        w.WriteStartElement("period-end");
        w.WriteAttributeString("iso-date", end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }

    private static void Value(XmlWriter w, decimal amount, string currency, DateOnly valueDate)
    {
        w.WriteStartElement("value");
        w.WriteAttributeString("currency", currency);
        w.WriteAttributeString("value-date", valueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString(Number(amount));
        w.WriteEndElement();
    }

    /// <summary>Invariant, without trailing zeros (91.0 is written 91).</summary>
    private static string Number(decimal v) => (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string DateTimeText(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  " };
        using (var w = XmlWriter.Create(stream, settings))
        {
            w.WriteStartDocument();
            body(w);
            w.WriteEndDocument();
        }
        return stream.ToArray();
    }
}

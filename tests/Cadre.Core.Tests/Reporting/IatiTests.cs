using System.Xml.Linq;
using Cadre.Core.Reporting.Iati;
using Cadre.Core.Reporting.Model;
using Cadre.TestSupport;

namespace Cadre.Core.Tests.Reporting;

public sealed class IatiTests
{
    private static readonly IatiOrganisation Itu = new("XM-DAC-47060", "40",
        new Dictionary<string, string> { ["en"] = "International Telecommunication Union", ["fr"] = "Union internationale des télécommunications" });

    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static IatiOrganisationFile Organisation() => new(Itu, "CHF", "en", Now,
        [new(2024, 164_000_000m), new(2025, 166_500_000.5m)],
        [new(2024, 158_200_000m)]);

    [Fact]
    public void The_organisation_file_is_valid_against_the_official_schema()
    {
        var errors = IatiSchemas.Validate(IatiWriter.WriteOrganisations(Organisation()), "iati-organisations-schema.xsd");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_organisation_file_holds_the_total_budget_and_expenditure_of_each_year()
    {
        var doc = XDocument.Load(new MemoryStream(IatiWriter.WriteOrganisations(Organisation())));
        var org = doc.Root!.Element("iati-organisation")!;
        Assert.Equal("XM-DAC-47060", org.Element("organisation-identifier")!.Value);
        var budgets = org.Elements("total-budget").ToList();
        Assert.Equal(["2024-01-01", "2025-01-01"], budgets.Select(b => (string)b.Element("period-start")!.Attribute("iso-date")!));
        Assert.Equal(["164000000", "166500000.5"], budgets.Select(b => b.Element("value")!.Value));
        Assert.Equal("158200000", org.Element("total-expenditure")!.Element("value")!.Value);
        Assert.Contains(org.Element("name")!.Elements("narrative"), n => (string?)n.Attribute(XNamespace.Xml + "lang") == "fr");
    }

    [Fact]
    public void The_activities_file_of_the_sample_plan_is_valid_against_the_official_schema()
    {
        var file = IatiMapping.Activities(SampleReportSource.Small().Data, Itu, 2025, Now);
        var errors = IatiSchemas.Validate(IatiWriter.WriteActivities(file), "iati-activities-schema.xsd");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_activities_file_of_a_large_plan_is_valid_too()
    {
        var file = IatiMapping.Activities(SampleReportSource.Synthetic(80, 300).Data, Itu, 2025, Now);
        var errors = IatiSchemas.Validate(IatiWriter.WriteActivities(file), "iati-activities-schema.xsd");
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void Activities_carry_results_indicators_baselines_periods_and_budgets_from_the_data()
    {
        var data = SampleReportSource.Small().Data;
        var doc = XDocument.Load(new MemoryStream(IatiWriter.WriteActivities(IatiMapping.Activities(data, Itu, 2025, Now))));
        var activities = doc.Root!.Elements("iati-activity").ToList();
        Assert.Equal(data.Elements.Count(e => e.Depth == 0), activities.Count);
        var first = activities[0];
        Assert.Equal("XM-DAC-47060-ITU-SP-2024-2027-1", first.Element("iati-identifier")!.Value);
        Assert.Equal("48250000", first.Element("budget")!.Element("value")!.Value);
        var indicators = first.Descendants("indicator").ToList();
        Assert.Equal(data.Elements.Where(e => e.Code is "1" or "1.1").Sum(e => e.Indicators.Count), indicators.Count);
        var a = indicators[0];
        Assert.Equal("2", (string)a.Attribute("measure")!);
        Assert.Equal("88", (string)a.Element("baseline")!.Attribute("value")!);
        var period2025 = a.Elements("period").Single(p => (string)p.Element("period-start")!.Attribute("iso-date")! == "2025-01-01");
        Assert.Equal("92", (string)period2025.Element("target")!.Attribute("value")!);
        Assert.Equal("91", (string)period2025.Element("actual")!.Attribute("value")!);
    }

    [Fact]
    public void An_invalid_file_is_caught_by_the_validation_so_the_test_can_fail()
    {
        var xml = IatiWriter.WriteOrganisations(Organisation());
        var doc = XDocument.Load(new MemoryStream(xml));
        doc.Root!.Element("iati-organisation")!.Element("reporting-org")!.Remove();
        using var stream = new MemoryStream();
        doc.Save(stream);
        Assert.NotEmpty(IatiSchemas.Validate(stream.ToArray(), "iati-organisations-schema.xsd"));
    }
}

using Cadre.Text.Diff;
using Cadre.Text.Docx;
using Cadre.Text.Structure;

namespace Cadre.Text.Tests.Structure;

public class ResolutionParserTests
{
    private static ResolutionOutline Seed000() =>
        ResolutionParser.Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared, "seeds", "000_f9b432203e8af9a4.txt")));

    [Fact]
    public void The_seed_draft_of_Resolution_71_has_its_title_and_enacting_formula()
    {
        var outline = Seed000();
        Assert.Equal("Plan stratégique de l'Union pour la période 2020-20232024-2027", outline.Title);
        Assert.StartsWith("La Conférence de plénipotentiaires de l'Union internationale des télécommunications", outline.EnactingFormula);
    }

    [Fact]
    public void The_seed_draft_has_the_expected_preamble_blocks_and_items()
    {
        var outline = Seed000();
        Assert.Equal(["considérant", "considérant en outre", "notant", "reconnaissant"], outline.Preamble.Select(b => b.Phrase));
        Assert.Equal([10, 0, 2, 5], outline.Preamble.Select(b => b.Items.Count));
        Assert.Equal(["a)", "b)", "c)", "d)", "c)", "d)", "e)", "g)", "h)", "i)"], outline.Preamble[0].Items.Select(i => i.Label));
        Assert.StartsWith("dles Résolutions 71/24375/233", outline.Preamble[1].Intro);
    }

    [Fact]
    public void The_seed_draft_has_the_expected_operative_blocks_and_items()
    {
        var outline = Seed000();
        Assert.Equal(
            ["décide", "charge le Secrétaire général", "charge le Conseil", "invite les États Membres", "invite les Membres des Secteurs"],
            outline.Operative.Select(b => b.Phrase));
        Assert.StartsWith("d'adopter le plan stratégique", outline.Operative[0].Intro);
        var secretaryGeneral = outline.Operative[1];
        Assert.Equal("charge le Secrétaire général et les Directeurs des Bureaux", secretaryGeneral.Heading);
        Assert.Equal(["1", "2", "3", "43", "4", "5", "6"], secretaryGeneral.Items.Select(i => i.Label));
        Assert.Equal(["i)", "ii)"], secretaryGeneral.Items[3].Children.Select(i => i.Label));
        Assert.Equal(["1", "21", "32", "43", "54"], outline.Operative[2].Items.Select(i => i.Label));
        Assert.Equal(["–", "–"], outline.Operative[3].Items.Select(i => i.Label));
        Assert.StartsWith("à contribuer", outline.Operative[3].Intro);
        Assert.StartsWith("à faire connaître", outline.Operative[4].Intro);
    }

    [Fact]
    public void Footnotes_are_collected_and_referenced_from_their_items()
    {
        var outline = Seed000();
        Assert.Equal(["1", "2"], outline.Footnotes.Select(f => f.Number));
        Assert.StartsWith("Dans la présente Résolution", outline.Footnotes[0].Text);
        var item = outline.Preamble[0].Items[4];
        Assert.Equal(["1"], item.FootnoteRefs);
        Assert.DoesNotContain("[footnoteRef", item.Text);
        Assert.DoesNotContain("[1:", item.Text);
        Assert.Equal(["2"], outline.Operative[2].Items[1].FootnoteRefs);
    }

    [Fact]
    public void Lines_that_cannot_be_placed_are_reported_not_dropped()
    {
        var outline = Seed000();
        var line = Assert.Single(outline.Unplaced);
        Assert.Equal(1, line.LineNumber);
        Assert.StartsWith("Le présent document rend compte", line.Text);
    }

    [Fact]
    public void An_English_resolution_is_read_with_its_key_phrases()
    {
        var outline = ResolutionParser.Parse(
            "Strategic plan for the Union for 2024-2027\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n" +
            "considering\na)\tthe provisions of the Constitution;\nb)\tArticle 19 of the Convention,\nbearing in mind\nthe challenges,\n" +
            "resolves\nto adopt the strategic plan,\ninstructs the Council\n1\tto monitor the plan;\n2\tto report,\nstray text\ninvites Sector Members\nto contribute.");
        Assert.Equal("Strategic plan for the Union for 2024-2027", outline.Title);
        Assert.Equal(["considering", "bearing in mind"], outline.Preamble.Select(b => b.Phrase));
        Assert.Equal(["resolves", "instructs the Council", "invites Sector Members"], outline.Operative.Select(b => b.Phrase));
        Assert.Equal(2, outline.Operative[1].Items.Count);
        Assert.Equal("stray text", Assert.Single(outline.Unplaced).Text);
    }

    [Fact]
    public void The_paragraphs_of_a_DOCX_give_the_same_outline_as_the_plain_text()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Shared, "seeds", "000_f9b432203e8af9a4.txt")).Replace("\r\n", "\n");
        var docx = DocxRedlineWriter.Write(WordDiff.Compare(text, text), new DocxRedlineOptions { Date = new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc), Language = "fr-FR" });
        var fromDocx = ResolutionParser.Parse(DocxReader.Read(docx).ProposedParagraphs);
        var fromText = ResolutionParser.Parse(text);
        Assert.Equal(fromText.Title, fromDocx.Title);
        Assert.Equal(fromText.Preamble.Select(b => (b.Phrase, b.Items.Count)), fromDocx.Preamble.Select(b => (b.Phrase, b.Items.Count)));
        Assert.Equal(fromText.Operative.Select(b => (b.Phrase, b.Items.Count)), fromDocx.Operative.Select(b => (b.Phrase, b.Items.Count)));
        Assert.Equal(fromText.Footnotes, fromDocx.Footnotes);
    }
}

using System.Text;

namespace Cadre.Benchmarks.Drafting;

/// <summary>
/// A long document of real legal prose: the two seed texts (a draft of ITU Resolution 71 and a TDAG working
/// group report, in French) and English resolution clauses, repeated as numbered provisions with their numbers
/// varied, so that paragraphs are not identical copies. Then a proposal with a share of words changed in
/// scattered places: replacements, deletions, insertions, and moved paragraphs. Deterministic (fixed seeds).
/// </summary>
public static class LegalCorpus
{
    private static readonly string[] EnglishClauses =
    [
        "recognizing that the strategic plan of the Union shall be implemented within the financial limits established by the Plenipotentiary Conference and in accordance with the Constitution and the Convention of the Union,",
        "noting with appreciation the contributions made by Member States and Sector Members to the work of the Council Working Group on the elaboration of the draft strategic plan and financial plan for the period 2024-2027,",
        "bearing in mind that the results-based management framework shall include measurable outcomes, key performance indicators and targets which allow the membership to evaluate the progress made towards the strategic goals,",
        "resolves to adopt the strategic plan set out in Annex 1 to this resolution, and to instruct the Secretary-General to ensure that the operational plans of the Sectors and of the General Secretariat are fully aligned with it,",
        "instructs the Secretary-General, in consultation with the Directors of the Bureaux, to report annually to the Council on the implementation of the strategic plan and on the results achieved by the Union in pursuit of its goals and targets,",
        "invites Member States to contribute, through their national and regional reflections on policy, regulatory and operational matters, to the strategic planning process undertaken by the Union before the next Plenipotentiary Conference,",
        "Nothing in this resolution shall be construed as affecting the rights and obligations of Member States under the Constitution, the Convention and the Administrative Regulations, which shall prevail in case of inconsistency.",
        "The Council shall monitor the implementation of the strategic plan and, if necessary, adjust it on the basis of reports submitted by the Secretary-General, taking into account number 61A of the Convention and the decisions of the Sector conferences.",
    ];

    /// <summary>At least <paramref name="minWords"/> whitespace-separated words of prose, one paragraph per line.</summary>
    public static string Build(string seedsFolder, int minWords)
    {
        var paragraphs = new List<string>();
        foreach (var file in Directory.GetFiles(seedsFolder, "*.txt").Order(StringComparer.Ordinal))
        {
            paragraphs.AddRange(File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0));
        }
        paragraphs.AddRange(EnglishClauses);

        var sb = new StringBuilder();
        var words = 0;
        for (var copy = 1; words < minWords; copy++)
        {
            for (var i = 0; i < paragraphs.Count && words < minWords; i++)
            {
                var line = $"{copy}.{i + 1}\t{VaryNumbers(paragraphs[i], copy)}";
                words += line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
                sb.Append(line).Append('\n');
            }
        }
        return sb.ToString();
    }

    // "Resolution 71" in copy 3 becomes "Resolution 74": the text stays legal prose, each copy differs.
    private static string VaryNumbers(string text, int copy)
    {
        var sb = new StringBuilder(text.Length);
        var k = 0;
        while (k < text.Length)
        {
            if (char.IsAsciiDigit(text[k]))
            {
                var start = k;
                while (k < text.Length && char.IsAsciiDigit(text[k]))
                {
                    k++;
                }
                var digits = text[start..k];
                sb.Append(digits.Length <= 6 ? (long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) + copy - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : digits);
            }
            else
            {
                sb.Append(text[k++]);
            }
        }
        return sb.ToString();
    }

    /// <summary>A paragraph of a proposal: the base paragraph it comes from (0-based), whether it was moved, and its text.</summary>
    public sealed record EditedParagraph(int Origin, bool Moved, string Text);

    /// <summary>A generated proposal: its full text and where each of its paragraphs comes from in the base.</summary>
    public sealed record Proposal(string Text, IReadOnlyList<EditedParagraph> Paragraphs);

    /// <summary>
    /// Changes about <paramref name="percent"/>% of the words at random scattered places: 40% replacements,
    /// 30% deletions, 30% insertions (words taken from the text itself), plus one moved paragraph per 400 changes.
    /// </summary>
    public static string Change(string text, double percent, int seed) => Edit(text, percent, seed).Text;

    /// <summary>
    /// The same proposal as <see cref="Change"/>, with each paragraph's origin in the base, so that it can be
    /// expressed as provision changes (a MOD where the paragraph stays, a SUP and an ADD where it moved).
    /// Proposals made with different seeds edit the base independently: they overlap only where the random
    /// places happen to meet, as two Members' proposals do.
    /// </summary>
    public static Proposal Edit(string text, double percent, int seed)
    {
        var rng = new Random(seed);
        var paragraphs = text.Split('\n').Select((p, k) => (Origin: k, Moved: false, Words: p.Split(' ').ToList())).ToList();
        var trailingEmpty = paragraphs[^1].Words.Count == 1 && paragraphs[^1].Words[0].Length == 0;
        if (trailingEmpty)
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }
        var vocabulary = paragraphs.SelectMany(p => p.Words).Where(w => w.Length > 2).Distinct().Order(StringComparer.Ordinal).ToArray();
        var totalWords = paragraphs.Sum(p => p.Words.Count);
        var edits = (int)(totalWords * percent / 100);
        for (var e = 0; e < edits; e++)
        {
            var p = paragraphs[rng.Next(paragraphs.Count)].Words;
            var at = 1 + rng.Next(Math.Max(1, p.Count - 1));
            var roll = rng.Next(10);
            if (roll < 4 && at < p.Count)
            {
                p[at] = vocabulary[rng.Next(vocabulary.Length)];
            }
            else if (roll < 7 && at < p.Count && p.Count > 3)
            {
                p.RemoveAt(at);
            }
            else
            {
                p.Insert(Math.Min(at, p.Count), vocabulary[rng.Next(vocabulary.Length)]);
            }
        }
        for (var m = 0; m < Math.Max(1, edits / 400); m++)
        {
            var from = rng.Next(paragraphs.Count);
            var moved = paragraphs[from];
            paragraphs.RemoveAt(from);
            paragraphs.Insert(rng.Next(paragraphs.Count), moved with { Moved = true });
        }
        var result = paragraphs.Select(p => new EditedParagraph(p.Origin, p.Moved, string.Join(' ', p.Words))).ToList();
        return new Proposal(string.Join('\n', result.Select(p => p.Text)) + (trailingEmpty ? "\n" : ""), result);
    }

    /// <summary>The shared seeds folder (../shared/seeds next to the folder holding Cadre.slnx, above the binaries or the current directory).</summary>
    public static string SeedsFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Cadre.slnx")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "seeds"));
                }
            }
        }
        throw new InvalidOperationException("Cadre.slnx not found above " + AppContext.BaseDirectory + " or the current directory");
    }
}

using Cadre.Text.AkomaNtoso;
using Cadre.Text.Diff;
using Cadre.Text.Redline;
using Cadre.Text.Structure;

namespace Cadre.Core.Drafting;

/// <summary>The documents of Drafting: the redline of a proposal and the Akoma Ntoso of a version.</summary>
public static class DraftingDocuments
{
    public static EditScript Redline(ProposalView view) =>
        WordDiff.Compare(view.Base.Text, string.Join('\n', view.ProposedParagraphs));

    /// <summary>Per provision (base paragraph and what is added after it): the edit script of that unit, for the per-provision views.</summary>
    public static IReadOnlyList<(int Provision, ProvisionChange? Change, EditScript Script)> RedlineByProvision(ProposalView view)
    {
        var baseParagraphs = view.Base.Paragraphs;
        var units = ProvisionChanges.Units(baseParagraphs, view.Changes);
        var result = new List<(int, ProvisionChange?, EditScript)>();
        for (var u = 0; u < units.Count; u++)
        {
            var baseText = u == 0 ? "" : baseParagraphs[u - 1];
            var newText = string.Join('\n', units[u]);
            var change = view.Changes.FirstOrDefault(c => c.Provision == u && c.Action != ProvisionAction.Add)
                ?? view.Changes.FirstOrDefault(c => c.Provision == u);
            if (u == 0 && newText.Length == 0) continue;
            result.Add((u, change, WordDiff.Compare(baseText, newText, new WordDiffOptions { DetectMoves = false })));
        }
        return result;
    }

    public static RedlineInfo Info(ProposalView view) => new(
        $"{view.Revision.Author} ({view.Proposal.MemberCode})",
        view.Revision.CreatedAtUtc,
        LanguageTag(view.Base.Language),
        $"{InstrumentName(view.Base)} - {view.Proposal.Title}",
        WorkUri(view.Base));

    public static string InstrumentName(InstrumentVersion version) =>
        version.Instrument is { } i ? $"{i.Kind} {i.Number} ({version.Label})" : version.Label;

    public static string WorkUri(InstrumentVersion version) =>
        $"/akn/int/statement/{(version.Instrument?.Kind ?? InstrumentKind.Resolution).ToString().ToLowerInvariant()}/{Slug(version.Instrument?.Body ?? "body")}/{Slug(version.Instrument?.Number ?? version.InstrumentId.ToString(System.Globalization.CultureInfo.InvariantCulture))}";

    public static string LanguageTag(string language) => language switch
    {
        "en" => "en-GB",
        "fr" => "fr-FR",
        "es" => "es-ES",
        "ar" => "ar",
        "zh" => "zh-CN",
        "ru" => "ru-RU",
        _ => language,
    };

    public static string AkomaNtoso(InstrumentVersion version) =>
        AkomaNtosoWriter.Write(ResolutionParser.Parse(version.Paragraphs), new AknMetadata(WorkUri(version), RedlineExport.Iso6392(version.Language),
            DateOnly.FromDateTime(version.PublishedAtUtc ?? version.CreatedAtUtc)));

    private static string Slug(string s)
    {
        var chars = s.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = new string(chars).Trim('-');
        return slug.Length == 0 ? "x" : slug;
    }
}

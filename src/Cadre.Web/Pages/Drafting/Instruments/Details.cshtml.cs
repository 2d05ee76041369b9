using Cadre.Core.Drafting;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Drafting.Instruments;

public sealed class DetailsModel(DraftingQueries queries) : DraftingPageModel
{
    public Instrument Instrument { get; private set; } = null!;
    public IReadOnlyList<Proposal> Proposals { get; private set; } = [];
    public IReadOnlyList<Compilation> Compilations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.GetInstrumentAsync(id, ct) is not { } instrument) return NotFound();
        Instrument = instrument;
        var versionIds = instrument.Versions.Select(v => v.Id).ToHashSet();
        Proposals = (await queries.ListProposalsAsync(null, ct)).Where(p => versionIds.Contains(p.BaseVersionId)).ToList();
        Compilations = (await queries.ListCompilationsAsync(null, ct)).Where(c => versionIds.Contains(c.BaseVersionId)).ToList();
        return Page();
    }

    public string VersionLabel(int versionId) => Instrument.Versions.FirstOrDefault(v => v.Id == versionId)?.Label ?? versionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

using Cadre.Core.Common;
using Cadre.Core.Drafting;
using Cadre.Core.Drafting.Handlers;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Drafting.Compilations;

public sealed class CreateModel(DraftingQueries queries) : DraftingPageModel
{
    public InstrumentVersion Base { get; private set; } = null!;
    public IReadOnlyList<Proposal> Submitted { get; private set; } = [];

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public List<int> ProposalIds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int versionId, CancellationToken ct)
    {
        if (!IsSecretariat) return Refuse();
        if (await LoadAsync(versionId, ct) is { } fail) return fail;
        ProposalIds = Submitted.Select(p => p.Id).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int versionId, [FromServices] CreateCompilation handler, CancellationToken ct)
    {
        if (!IsSecretariat) return Refuse();
        if (await LoadAsync(versionId, ct) is { } fail) return fail;
        try
        {
            var c = await handler.HandleAsync(new CreateCompilation.Request(versionId, ProposalIds, Title ?? ""), ct);
            return Redirect($"/Drafting/Compilations/{c.Id}");
        }
        catch (CadreException ex)
        {
            if (ex is ValidationFailedException v)
            {
                foreach (var (k, ms) in v.Errors) foreach (var m in ms) ModelState.AddModelError(k == "title" ? nameof(Title) : k == "proposalIds" ? "proposals" : "", m);
                return Page();
            }
            return Fail(ex) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(int versionId, CancellationToken ct)
    {
        if (await queries.GetVersionAsync(versionId, ct) is not { } v) return NotFound();
        Base = v;
        Submitted = (await queries.ListProposalsAsync(versionId, ct)).Where(p => p.Status == ProposalStatus.Submitted).ToList();
        return null;
    }
}

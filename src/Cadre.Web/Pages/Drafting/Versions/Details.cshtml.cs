using System.Text;
using Cadre.Core.Common;
using Cadre.Core.Drafting;
using Cadre.Core.Drafting.Handlers;
using Cadre.Text.Structure;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Drafting.Versions;

public sealed class DetailsModel(DraftingQueries queries) : DraftingPageModel
{
    public InstrumentVersion Version { get; private set; } = null!;
    public ResolutionOutline Outline { get; private set; } = null!;
    public IReadOnlyList<string> Paragraphs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.GetVersionAsync(id, ct) is not { } v) return NotFound();
        Version = v;
        Paragraphs = v.Paragraphs;
        Outline = ResolutionParser.Parse(Paragraphs);
        return Page();
    }

    public async Task<IActionResult> OnGetAknAsync(int id, CancellationToken ct)
    {
        if (await queries.GetVersionAsync(id, ct) is not { } v) return NotFound();
        return Download(Encoding.UTF8.GetBytes(DraftingDocuments.AkomaNtoso(v)), "application/akn+xml", $"version-{id}.akn.xml");
    }

    public async Task<IActionResult> OnGetTextAsync(int id, CancellationToken ct)
    {
        if (await queries.GetVersionAsync(id, ct) is not { } v) return NotFound();
        return Download(Encoding.UTF8.GetBytes(v.Text + "\n"), "text/plain; charset=utf-8", $"version-{id}.txt");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, int version, [FromServices] PublishVersion handler, CancellationToken ct)
    {
        try
        {
            await handler.HandleAsync(new PublishVersion.Request(id, version), ct);
            return Redirect($"/Drafting/Versions/{id}");
        }
        catch (CadreException ex)
        {
            if (Fail(ex) is { } result) return result;
            return await OnGetAsync(id, ct);
        }
    }
}

using Cadre.Core.Common;
using Cadre.Core.Drafting;
using Cadre.Core.Drafting.Handlers;
using Cadre.Text.Diff;
using Cadre.Text.Redline;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Drafting.Compilations;

/// <summary>A compilation: its conflicts side by side with the proposing Members, the chair's choice or edit for each, and the result.</summary>
public sealed class DetailsModel(DraftingQueries queries, TimeProvider clock) : DraftingPageModel
{
    public CompilationView View { get; private set; } = null!;

    /// <summary>The compiled text so far; unresolved conflicts keep the base text.</summary>
    public IReadOnlyList<string> Preview { get; private set; } = [];

    [BindProperty]
    public string? Label { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!IsSecretariat) return Refuse();
        if (await queries.GetCompilationAsync(id, ct) is not { } view) return NotFound();
        View = view;
        var resolutions = new Dictionary<string, string>(view.Resolutions);
        foreach (var (_, conflict, key) in view.Text.Conflicts) resolutions.TryAdd(key, conflict.BaseText);
        Preview = view.Text.Resolve(resolutions) ?? [];
        Label ??= $"{view.Base.Label} – {view.Compilation.Title}";
        return Page();
    }

    public string MembersOf(string label) =>
        View.Inputs.FirstOrDefault(i => i.Label == label) is { } input ? string.Join(", ", input.Members) : label;

    public async Task<IActionResult> OnPostResolveAsync(int id, int version, string key, string? choice, string? text, [FromServices] ResolveConflict handler, CancellationToken ct)
    {
        if (!IsSecretariat) return Refuse();
        if (await queries.GetCompilationAsync(id, ct) is not { } view) return NotFound();
        var conflict = view.Text.Conflicts.FirstOrDefault(c => c.Key == key).Conflict;
        string resolution;
        if (choice == "edit" || conflict is null) resolution = text ?? "";
        else if (choice == "base") resolution = conflict.BaseText;
        else resolution = conflict.Versions.FirstOrDefault(v => v.Label == choice)?.Text ?? text ?? "";
        try
        {
            await handler.HandleAsync(new ResolveConflict.Request(id, version, key, resolution), ct);
            return Redirect($"/Drafting/Compilations/{id}#conflict-{Anchor(key)}");
        }
        catch (CadreException ex)
        {
            if (Fail(ex) is { } result) return result;
            return await OnGetAsync(id, ct);
        }
    }

    public async Task<IActionResult> OnPostCompleteAsync(int id, int version, [FromServices] CompleteCompilation handler, CancellationToken ct)
    {
        if (!IsSecretariat) return Refuse();
        try
        {
            var v = await handler.HandleAsync(new CompleteCompilation.Request(id, version, Label ?? ""), ct);
            return Redirect($"/Drafting/Versions/{v.Id}");
        }
        catch (CadreException ex)
        {
            if (ex is ValidationFailedException vf)
            {
                foreach (var (k, ms) in vf.Errors) foreach (var m in ms) ModelState.AddModelError(k == "label" ? nameof(Label) : "", m);
                return await OnGetAsync(id, ct);
            }
            return Fail(ex) ?? await OnGetAsync(id, ct);
        }
    }

    /// <summary>The redline of the compiled text against the base, conflicts as resolved so far (base text where not yet).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id, string? format, CancellationToken ct)
    {
        if (!IsSecretariat) return Refuse();
        if (await queries.GetCompilationAsync(id, ct) is not { } view) return NotFound();
        if (!RedlineExport.TryParseFormat(format, out var f)) return BadRequest();
        var resolutions = new Dictionary<string, string>(view.Resolutions);
        foreach (var (_, conflict, key) in view.Text.Conflicts) resolutions.TryAdd(key, conflict.BaseText);
        var script = WordDiff.Compare(view.Base.Text, string.Join('\n', view.Text.Resolve(resolutions) ?? []));
        var info = new RedlineInfo($"{Actor.Name} ({string.Join(", ", view.Inputs.SelectMany(i => i.Members).Distinct())})", clock.GetUtcNow().UtcDateTime,
            DraftingDocuments.LanguageTag(view.Base.Language), $"{DraftingDocuments.InstrumentName(view.Base)} - {view.Compilation.Title}", DraftingDocuments.WorkUri(view.Base));
        var file = RedlineExport.Render(script, f, info);
        return Download(file.Content, file.ContentType, $"compilation-{id}.{(f == RedlineFormat.Akn ? "akn.xml" : file.Extension)}");
    }

    public static string Anchor(string key) => key.Replace(':', '-');
}

using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Vocabularies;

/// <summary>A vocabulary's entries in their hierarchy, with the form to add one (Planners).</summary>
public sealed class DetailsModel(PlanningQueries queries, SaveVocabularyEntry save) : PlanningPageModel
{
    public sealed class EntryInput
    {
        public string? Code { get; set; }
        public TextFields Title { get; set; } = new();
        public string? ParentCode { get; set; }
    }

    [BindProperty]
    public EntryInput Input { get; set; } = new();

    public VocabularyDetail Vocabulary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var vocabulary = await queries.GetVocabularyAsync(code, ct);
        if (vocabulary is null) return NotFound();
        Vocabulary = vocabulary;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        var vocabulary = await queries.GetVocabularyAsync(code, ct);
        if (vocabulary is null) return NotFound();
        Vocabulary = vocabulary;
        if (!ModelState.IsValid) return Page();
        try
        {
            var entry = await save.HandleAsync(new SaveVocabularyEntry.Request(vocabulary.Id, null, null, Input.Code ?? "", Input.Title.ToRequest(), Input.ParentCode), ct);
            Flash(Text("Entries.Added", entry.Code));
            return Redirect($"/Planning/Vocabularies/{Uri.EscapeDataString(vocabulary.Code)}#entry-{entry.Id}");
        }
        catch (CadreException ex)
        {
            return Fail(ex, nameof(Input)) ?? Page();
        }
    }
}

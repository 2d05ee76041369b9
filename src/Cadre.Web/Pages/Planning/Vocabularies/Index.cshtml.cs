using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Vocabularies;

public sealed class IndexModel(PlanningQueries queries, SaveVocabulary save) : PlanningPageModel
{
    public sealed class VocabularyInput
    {
        public string? Code { get; set; }
        public TextFields Name { get; set; } = new();
    }

    [BindProperty]
    public VocabularyInput Input { get; set; } = new();

    public IReadOnlyList<VocabularySummary> Vocabularies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Vocabularies = await queries.ListVocabulariesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        Vocabularies = await queries.ListVocabulariesAsync(ct);
        if (!ModelState.IsValid) return Page();
        try
        {
            var created = await save.HandleAsync(new SaveVocabulary.Request(null, null, Input.Code ?? "", Input.Name.ToRequest()), ct);
            Flash(Text("Vocabularies.Created", created.Code));
            return Redirect($"/Planning/Vocabularies/{Uri.EscapeDataString(created.Code)}");
        }
        catch (CadreException ex)
        {
            return Fail(ex, nameof(Input)) ?? Page();
        }
    }
}

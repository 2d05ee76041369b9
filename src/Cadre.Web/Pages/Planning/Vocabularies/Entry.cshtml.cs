using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Planning.Vocabularies;

/// <summary>Edits or deletes one vocabulary entry. Deleting an entry that elements link to is refused by the handler.</summary>
[Authorize(Roles = Cadre.Core.Identity.Roles.Planner)]
public sealed class EntryModel(PlanningQueries queries, SaveVocabularyEntry save, DeleteVocabularyEntry delete, Cadre.Core.Audit.AuditQueries audit) : PlanningPageModel
{
    public sealed class EntryInput
    {
        public int? Version { get; set; }
        public string? Code { get; set; }
        public TextFields Title { get; set; } = new();
        public string? ParentCode { get; set; }
    }

    [BindProperty]
    public EntryInput Input { get; set; } = new();

    public VocabularyDetail Vocabulary { get; private set; } = null!;
    public EntryInfo Entry { get; private set; } = null!;
    public IReadOnlyList<Cadre.Core.Audit.HistoryEntry> History { get; private set; } = [];

    private async Task<bool> LoadAsync(string code, int entryId, CancellationToken ct)
    {
        var vocabulary = await queries.GetVocabularyAsync(code, ct);
        var entry = vocabulary?.Entries.FirstOrDefault(e => e.Id == entryId);
        if (vocabulary is null || entry is null) return false;
        Vocabulary = vocabulary;
        Entry = entry;
        History = await audit.HistoryAsync(nameof(VocabularyEntry), entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return true;
    }

    private void Fill() => Input = new EntryInput
    {
        Version = Entry.Version,
        Code = Entry.Code,
        Title = TextFields.From(Entry.Title),
        ParentCode = Entry.ParentEntryId is int p ? Vocabulary.Entries.FirstOrDefault(e => e.Id == p)?.Code : null,
    };

    public async Task<IActionResult> OnGetAsync(string code, int entryId, CancellationToken ct)
    {
        if (!await LoadAsync(code, entryId, ct)) return NotFound();
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, int entryId, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(code, entryId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            await save.HandleAsync(new SaveVocabularyEntry.Request(Vocabulary.Id, Entry.Id, Input.Version, Input.Code ?? "", Input.Title.ToRequest(), Input.ParentCode), ct);
            Flash(Text("Entries.Saved", Input.Code ?? ""));
            return Redirect($"/Planning/Vocabularies/{Uri.EscapeDataString(Vocabulary.Code)}#entry-{Entry.Id}");
        }
        catch (CadreException ex)
        {
            if (ex is ConcurrencyConflictException)
            {
                ModelState.Remove("Input.Version");
                Input.Version = Entry.Version;
            }
            return Fail(ex, nameof(Input)) ?? Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string code, int entryId, CancellationToken ct)
    {
        if (!CanEdit) return Refuse();
        if (!await LoadAsync(code, entryId, ct)) return NotFound();
        try
        {
            await delete.HandleAsync(new DeleteVocabularyEntry.Request(Entry.Id), ct);
            Flash(Text("Entries.Deleted", Entry.Code));
            return Redirect($"/Planning/Vocabularies/{Uri.EscapeDataString(Vocabulary.Code)}");
        }
        catch (CadreException ex)
        {
            ModelState.Clear();
            Fill();
            return FailAtTop(ex) ?? Page();
        }
    }
}

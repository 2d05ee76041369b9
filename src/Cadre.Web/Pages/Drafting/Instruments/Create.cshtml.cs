using Cadre.Core.Common;
using Cadre.Core.Drafting;
using Cadre.Core.Drafting.Handlers;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Drafting.Instruments;

public sealed class CreateModel(CreateInstrument handler) : DraftingPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public InstrumentKind Kind { get; set; } = InstrumentKind.Resolution;
        public string? Body { get; set; }
        public string? Number { get; set; }
        public string? TitleEn { get; set; }
        public string? TitleFr { get; set; }
    }

    public IActionResult OnGet() => IsSecretariat ? Page() : Refuse();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var i = await handler.HandleAsync(new CreateInstrument.Request(Input.Kind, Input.Body ?? "", Input.Number ?? "",
                new Dictionary<string, string?> { ["en"] = Input.TitleEn, ["fr"] = Input.TitleFr }), ct);
            return Redirect($"/Drafting/Instruments/{i.Id}");
        }
        catch (CadreException ex)
        {
            if (ex is ValidationFailedException v && v.Errors.ContainsKey("title"))
            {
                foreach (var m in v.Errors["title"]) ModelState.AddModelError("Input.TitleEn", m);
                foreach (var (k, ms) in v.Errors.Where(e => e.Key != "title")) foreach (var m in ms) ModelState.AddModelError("Input." + char.ToUpperInvariant(k[0]) + k[1..], m);
                return Page();
            }
            return Fail(ex, "Input") ?? Page();
        }
    }
}

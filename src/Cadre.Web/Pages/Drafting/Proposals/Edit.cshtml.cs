using Cadre.Core.Common;
using Cadre.Core.Drafting;
using Cadre.Core.Drafting.Handlers;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Drafting.Proposals;

/// <summary>
/// The proposal editor, provision by provision: MOD edits the text, SUP and NOC need a reason, ADD inserts new
/// paragraphs after a provision. A plain form; every save is a new revision.
/// </summary>
public sealed class EditModel(DraftingQueries queries) : DraftingPageModel
{
    public InstrumentVersion Base { get; private set; } = null!;
    public Proposal? Existing { get; private set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? CoSigners { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public List<ProvisionInput> P { get; set; } = [];

    public sealed class ProvisionInput
    {
        public string? Action { get; set; }
        public string? Text { get; set; }
        public string? Reason { get; set; }
        public string? Add { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? versionId, int? id, CancellationToken ct)
    {
        if (!CanPropose) return Refuse();
        if (await LoadAsync(versionId, id, ct) is { } fail) return fail;
        var paragraphs = Base.Paragraphs;
        P = paragraphs.Select(p => new ProvisionInput { Action = "", Text = p }).ToList();
        if (Existing is not null)
        {
            var view = DraftingQueries.View(Existing, Base);
            Title = Existing.Title;
            CoSigners = Existing.CoSigners.Replace(",", ", ", StringComparison.Ordinal);
            Version = Existing.Version;
            foreach (var c in view.Changes)
            {
                if (c.Provision < 1 || c.Provision > P.Count) continue;
                var input = P[c.Provision - 1];
                switch (c.Action)
                {
                    case ProvisionAction.Add: input.Add = string.IsNullOrEmpty(input.Add) ? c.Text : input.Add + "\n" + c.Text; break;
                    case ProvisionAction.Mod: input.Action = "mod"; input.Text = c.Text; break;
                    default: input.Action = c.Action.ToString().ToLowerInvariant(); input.Reason = c.Reason; break;
                }
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? versionId, int? id, [FromServices] SaveProposal handler, CancellationToken ct)
    {
        if (!CanPropose) return Refuse();
        if (await LoadAsync(versionId, id, ct) is { } fail) return fail;
        var changes = new List<ProvisionChange>();
        var fields = new List<(int Index, string Field)>();
        for (var k = 0; k < P.Count && k < Base.Paragraphs.Count; k++)
        {
            var input = P[k];
            var provision = k + 1;
            switch (input.Action?.Trim().ToLowerInvariant())
            {
                case "mod":
                    changes.Add(new ProvisionChange(ProvisionAction.Mod, provision, input.Text, input.Reason));
                    fields.Add((k, "Text"));
                    break;
                case "sup":
                    changes.Add(new ProvisionChange(ProvisionAction.Sup, provision, null, input.Reason));
                    fields.Add((k, "Reason"));
                    break;
                case "noc":
                    changes.Add(new ProvisionChange(ProvisionAction.Noc, provision, null, input.Reason));
                    fields.Add((k, "Reason"));
                    break;
            }
            if (!string.IsNullOrWhiteSpace(input.Add))
            {
                changes.Add(new ProvisionChange(ProvisionAction.Add, provision, input.Add));
                fields.Add((k, "Add"));
            }
        }
        try
        {
            var proposal = await handler.HandleAsync(new SaveProposal.Request(Existing?.Id, Existing is null ? null : Version, Base.Id, null,
                (CoSigners ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Title ?? "", changes), ct);
            return Redirect($"/Drafting/Proposals/{proposal.Id}");
        }
        catch (CadreException ex)
        {
            if (ex is ValidationFailedException v)
            {
                foreach (var (key, messages) in v.Errors)
                {
                    var target = MapField(key, fields);
                    foreach (var m in messages) ModelState.AddModelError(target, m);
                }
                return Page();
            }
            return Fail(ex) ?? Page();
        }
    }

    /// <summary>"changes[3].reason" → the form field of that change, e.g. "P[5].Reason".</summary>
    private static string MapField(string key, List<(int Index, string Field)> fields)
    {
        if (key.StartsWith("changes[", StringComparison.Ordinal) && key.IndexOf(']', StringComparison.Ordinal) is var close and > 8
            && int.TryParse(key.AsSpan(8, close - 8), out var n) && n < fields.Count)
        {
            var (index, field) = fields[n];
            var sub = key[(close + 1)..].TrimStart('.');
            var name = sub switch
            {
                "reason" => "Reason",
                "text" => field == "Add" ? "Add" : "Text",
                _ => field,
            };
            return $"P[{index}].{name}";
        }
        return key switch
        {
            "title" => nameof(Title),
            "coSigners" => nameof(CoSigners),
            _ => "",
        };
    }

    private async Task<IActionResult?> LoadAsync(int? versionId, int? id, CancellationToken ct)
    {
        if (id is int pid)
        {
            if (await queries.GetProposalAsync(pid, ct) is not { } view) return NotFound();
            if (!DraftingPermissions.CanEdit(Actor, view.Proposal)) return Forbid();
            if (view.Proposal.Status != ProposalStatus.Draft) return Redirect($"/Drafting/Proposals/{pid}");
            Existing = view.Proposal;
            Base = view.Base;
            return null;
        }
        if (versionId is not int vid || await queries.GetVersionAsync(vid, ct) is not { } v) return NotFound();
        Base = v;
        return null;
    }
}

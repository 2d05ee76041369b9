using Cadre.Web.Infrastructure;
using System.Globalization;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance.Contributions;
using Cadre.Web.Pages.Governance.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Pages.Governance.Contributions;

/// <summary>
/// A Delegate writes a draft contribution for their own Member: its target (a meeting, or a body's correspondence
/// work), title, summary, co-signing Members and proposals. "Add a proposal" shows one more box without saving.
/// </summary>
[Authorize]
public sealed class EditModel(CadreDbContext db, ContributionQueries queries, SaveContribution save) : DocumentsPageModel
{
    public sealed class InputModel
    {
        public int? Version { get; set; }
        /// <summary><c>m:ID</c> for a meeting, <c>b:ID</c> for a body's correspondence work.</summary>
        public string? Target { get; set; }
        public string? TitleEn { get; set; }
        public string? TitleFr { get; set; }
        public string? Summary { get; set; }
        public List<string> CoSigners { get; set; } = [];
        public List<string?> Proposals { get; set; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }
    public string? MemberCode => Actor.MemberCode;
    public IReadOnlyList<(string Value, string Label)> Targets { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Members { get; private set; } = [];

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.WorksByCorrespondence).OrderBy(b => b.Code).Select(b => new { b.Id, b.Code }).ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().OrderByDescending(m => m.StartUtc).Take(200)
            .Select(m => new { m.Id, m.Body!.Code, m.Title, m.StartUtc }).ToListAsync(ct);
        Targets = [
            .. meetings.Select(m => ($"m:{m.Id.ToString(CultureInfo.InvariantCulture)}", $"{m.Code} — {m.Title.Local()} ({GovernanceFormat.Day(DateOnly.FromDateTime(m.StartUtc))})")),
            .. bodies.Select(b => ($"b:{b.Id.ToString(CultureInfo.InvariantCulture)}", D("Contribution.CorrespondenceOf", b.Code))),
        ];
        var own = Actor.MemberCode;
        var members = await db.Members.AsNoTracking().Where(m => m.Code != own).OrderBy(m => m.Code).Select(m => new { m.Code, m.Name }).ToListAsync(ct);
        Members = members.Select(m => (m.Code, m.Name.Local())).ToList();
    }

    public async Task<IActionResult> OnGetAsync(int? id, int? meeting, int? body, CancellationToken ct)
    {
        if (!ContributionRules.IsDelegate(Actor)) return Refuse();
        Id = id;
        if (id is int cid)
        {
            var c = await queries.GetAsync(cid, ct);
            if (c is null) return NotFound();
            if (!string.Equals(c.LeadMember, Actor.MemberCode, StringComparison.OrdinalIgnoreCase) || c.Status != ContributionStatus.Draft) return Refuse();
            Input = new InputModel
            {
                Version = c.Version,
                Target = c.MeetingId is int m ? $"m:{m.ToString(CultureInfo.InvariantCulture)}" : $"b:{c.BodyId.ToString(CultureInfo.InvariantCulture)}",
                TitleEn = c.Title.En, TitleFr = c.Title.Fr, Summary = c.Summary,
                CoSigners = c.Members.Where(x => !string.Equals(x, c.LeadMember, StringComparison.OrdinalIgnoreCase)).ToList(),
                Proposals = [.. c.Proposals.Select(p => p.Text)],
            };
        }
        else
        {
            Input.Target = meeting is int m ? $"m:{m.ToString(CultureInfo.InvariantCulture)}" : body is int b ? $"b:{b.ToString(CultureInfo.InvariantCulture)}" : null;
        }
        PadProposals(0);
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>Shows one more empty proposal box, keeping what was typed (nothing is saved).</summary>
    public async Task<IActionResult> OnPostMoreAsync(int? id, CancellationToken ct)
    {
        if (!ContributionRules.IsDelegate(Actor)) return Refuse();
        Id = id;
        ModelState.Clear();
        Input.Proposals = Input.Proposals.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        PadProposals(1);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!ContributionRules.IsDelegate(Actor)) return Refuse();
        Id = id;
        ModelState.Clear();
        await LoadChoicesAsync(ct);
        // Empty boxes are left out; errors of the proposals sent are shown on the box they came from.
        var boxes = Input.Proposals.Select((text, index) => (text, index)).Where(p => !string.IsNullOrWhiteSpace(p.text)).ToList();
        int? meetingId = null;
        var bodyId = 0;
        if (ParseTarget(Input.Target) is not { } target)
        {
            ModelState.AddModelError("Input.Target", D("Contribution.TargetRequired"));
            PadProposals(0);
            return Page();
        }
        if (target.Kind == 'm')
        {
            meetingId = target.Id;
            var meetingBody = await db.Meetings.AsNoTracking().Where(m => m.Id == target.Id).Select(m => (int?)m.BodyId).FirstOrDefaultAsync(ct);
            if (meetingBody is null) return NotFound();
            bodyId = meetingBody.Value;
        }
        else
        {
            bodyId = target.Id;
        }
        try
        {
            var saved = await save.HandleAsync(new SaveContribution.Request(id, Input.Version, bodyId, meetingId,
                new Dictionary<string, string?> { ["en"] = Input.TitleEn, ["fr"] = Input.TitleFr }, Input.Summary,
                boxes.Select(b => b.text!).ToList(), Input.CoSigners), ct);
            Flash(D("Contribution.Saved"));
            return Redirect($"/Governance/Contributions/{saved.Id}");
        }
        catch (CadreException ex)
        {
            if (ex is ValidationFailedException v)
            {
                foreach (var (field, messages) in v.Errors)
                {
                    foreach (var m in messages) ModelState.AddModelError(FieldName(field, boxes.Select(b => b.index).ToList()), m);
                }
                PadProposals(0);
                return Page();
            }
            PadProposals(0);
            return Fail(ex) ?? Page();
        }
    }

    private void PadProposals(int extra)
    {
        var wanted = Math.Min(SaveContribution.MaxProposals, Math.Max(2, Input.Proposals.Count(p => !string.IsNullOrWhiteSpace(p)) + extra));
        while (Input.Proposals.Count < wanted) Input.Proposals.Add(null);
    }

    private static (char Kind, int Id)? ParseTarget(string? value)
    {
        if (value is not { Length: > 2 } || value[1] != ':' || value[0] is not ('m' or 'b')) return null;
        return int.TryParse(value.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? (value[0], id) : null;
    }

    /// <summary>The form field a handler's error belongs to.</summary>
    private static string FieldName(string field, List<int> boxes)
    {
        if (field.StartsWith("proposals[", StringComparison.Ordinal) && int.TryParse(field.AsSpan(10, field.Length - 11), CultureInfo.InvariantCulture, out var i))
        {
            return i < boxes.Count ? $"Input.Proposals[{boxes[i].ToString(CultureInfo.InvariantCulture)}]" : "Input.Proposals[0]";
        }
        return field switch
        {
            "title" or "title.en" => "Input.TitleEn",
            "title.fr" => "Input.TitleFr",
            "summary" => "Input.Summary",
            "proposals" => "Input.Proposals[0]",
            "coSigners" => "Input.CoSigners",
            "bodyId" or "meetingId" => "Input.Target",
            _ => string.Empty,
        };
    }
}

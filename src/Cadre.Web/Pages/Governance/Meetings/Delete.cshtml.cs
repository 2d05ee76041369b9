using Cadre.Web.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance.Meetings;

/// <summary>Confirms, then deletes a meeting with its agenda.</summary>
[Authorize]
public sealed class DeleteModel(GovernanceQueries queries, DeleteMeeting delete, CadreDbContext db) : GovernancePageModel
{
    public MeetingView View { get; private set; } = null!;

    /// <summary>The contributions to the meeting: while there is one, the page says why it cannot be deleted and has no delete button.</summary>
    public int Contributions { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var view = await queries.GetMeetingAsync(id, ct);
        if (view is null) return NotFound();
        if (!await BodyAccess.CanManageAsync(db, Actor, view.Meeting.BodyId, ct)) return Refuse();
        View = view;
        Contributions = await DeleteMeeting.ContributionsToAsync(db, id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? version, CancellationToken ct)
    {
        var view = await queries.GetMeetingAsync(id, ct);
        if (view is null) return NotFound();
        View = view;
        try
        {
            await delete.HandleAsync(id, version, ct);
            Flash(G("MeetingDelete.Done", view.Meeting.Title.Local()));
            return Redirect($"/Governance/Bodies/{view.Body.Code}");
        }
        catch (CadreException ex)
        {
            Contributions = await DeleteMeeting.ContributionsToAsync(db, id, ct);
            return FailAtTop(ex) ?? Page();
        }
    }
}

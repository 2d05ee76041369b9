using Cadre.Core.Common;
using Cadre.Core.Governance;
using Cadre.Core.Governance.Handlers;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Governance.Meetings;

/// <summary>A meeting with its agenda; the platform and link for registered participants; agenda adoption for the chair.</summary>
public sealed class DetailsModel(GovernanceQueries queries) : GovernancePageModel
{
    public MeetingView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var view = await queries.GetMeetingAsync(id, ct);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAdoptAsync(int id, int? version, bool adopted, [FromServices] AdoptAgenda adopt, CancellationToken ct)
    {
        try
        {
            await adopt.HandleAsync(new AdoptAgenda.Request(id, version, adopted), ct);
            Flash(adopted ? G("Agenda.AdoptedDone") : G("Agenda.WithdrawnDone"));
            return Redirect($"/Governance/Meetings/{id}");
        }
        catch (CadreException ex)
        {
            var result = FailAtTop(ex);
            if (result is not null) return result;
            var view = await queries.GetMeetingAsync(id, ct);
            if (view is null) return NotFound();
            View = view;
            return Page();
        }
    }
}

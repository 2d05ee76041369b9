using Cadre.Core.Common;
using Cadre.Core.Drafting;
using Cadre.Core.Drafting.Handlers;
using Cadre.Text.Diff;
using Cadre.Text.Redline;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Drafting.Proposals;

public sealed class DetailsModel(DraftingQueries queries) : DraftingPageModel
{
    public ProposalView View { get; private set; } = null!;
    public EditCounts Counts { get; private set; }
    public IReadOnlyList<(int Provision, ProvisionChange? Change, EditScript Script)> Provisions { get; private set; } = [];
    public bool CanEdit => DraftingPermissions.CanEdit(Actor, View.Proposal) && View.Proposal.Status == ProposalStatus.Draft;

    /// <summary>The contribution this proposal was submitted as, with its meeting; null when none.</summary>
    public ProposalContribution? Contribution { get; private set; }

    /// <summary>The upcoming meetings it may be submitted to (only when the user may and it is not linked yet).</summary>
    public IReadOnlyList<MeetingChoice> Meetings { get; private set; } = [];

    public bool CanSubmitToMeeting => DraftingPermissions.CanEdit(Actor, View.Proposal) && View.Proposal.ContributionId is null;

    [BindProperty]
    public int? MeetingId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.GetProposalAsync(id, ct) is not { } view) return NotFound();
        View = view;
        Counts = DraftingDocuments.Redline(view).Counts;
        Provisions = DraftingDocuments.RedlineByProvision(view).Where(p => p.Change is not null || !p.Script.IsUnchanged).ToList();
        Contribution = await queries.GetContributionAsync(view.Proposal, ct);
        if (CanSubmitToMeeting) Meetings = await queries.UpcomingMeetingsAsync(view.Base, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, string? format, CancellationToken ct)
    {
        if (await queries.GetProposalAsync(id, ct) is not { } view) return NotFound();
        if (!RedlineExport.TryParseFormat(format, out var f)) return BadRequest();
        var file = RedlineExport.Render(DraftingDocuments.Redline(view), f, DraftingDocuments.Info(view));
        return Download(file.Content, file.ContentType, $"proposal-{id}.{(f == RedlineFormat.Akn ? "akn.xml" : file.Extension)}");
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, int version, [FromServices] SubmitProposal handler, CancellationToken ct)
    {
        try
        {
            await handler.HandleAsync(new SubmitProposal.Request(id, version), ct);
            return Redirect($"/Drafting/Proposals/{id}");
        }
        catch (CadreException ex)
        {
            if (Fail(ex) is { } result) return result;
            return await OnGetAsync(id, ct);
        }
    }

    public async Task<IActionResult> OnPostMeetingAsync(int id, int version, [FromServices] SubmitProposalToMeeting handler, CancellationToken ct)
    {
        try
        {
            if (MeetingId is not int meetingId) throw new ValidationFailedException("meetingId", Messages.Get("Error.Required"));
            var (_, contribution) = await handler.HandleAsync(new SubmitProposalToMeeting.Request(id, version, meetingId), ct);
            Flash(HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.DraftingText>>()["Meeting.Submitted", id, contribution.Id]);
            return Redirect($"/Drafting/Proposals/{id}");
        }
        catch (CadreException ex)
        {
            if (Fail(ex) is { } result) return result;
            return await OnGetAsync(id, ct);
        }
    }
}

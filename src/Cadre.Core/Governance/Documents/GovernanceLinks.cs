using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Governance.Documents;

/// <summary>Checks of the body and meeting a document or contribution belongs to.</summary>
internal static class GovernanceLinks
{
    /// <summary>
    /// The body and meeting exist, the meeting is the body's, and the symbol follows the body's scheme:
    /// its body part is the body's code (<c>C</c> for the Council).
    /// </summary>
    public static async Task CheckBodyAndMeetingAsync(CadreDbContext db, Validation v, int? bodyId, int? meetingId, DocumentSymbol? symbol, CancellationToken ct)
    {
        Body? body = null;
        if (bodyId is int b)
        {
            body = await db.Set<Body>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == b, ct);
            if (body is null) v.Add("bodyId", Messages.Format("Error.Document.UnknownBody", b));
        }
        if (meetingId is int m)
        {
            var meeting = await db.Set<Meeting>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == m, ct);
            if (meeting is null) v.Add("meetingId", Messages.Format("Error.Document.UnknownMeeting", m));
            else if (bodyId is not null && meeting.BodyId != bodyId) v.Add("meetingId", Messages.Get("Error.Document.MeetingOfOtherBody"));
        }
        if (body is not null && symbol is not null && !FollowsScheme(body, symbol))
        {
            v.Add("symbol", Messages.Format("Error.Document.SymbolNotOfBody", symbol, body.Code));
        }
    }

    public static bool FollowsScheme(Body body, DocumentSymbol symbol) =>
        string.Equals(symbol.Body, body.Code, StringComparison.OrdinalIgnoreCase)
        || (body.Kind == BodyKind.Council && symbol.Body == "C");
}

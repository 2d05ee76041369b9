using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Governance.Handlers;

/// <summary>
/// Creates a body (<see cref="Request.BodyId"/> null) or changes one: kind, parent, mandate and the symbol of its terms
/// of reference, membership rule, working methods and language, lifespan. The secretariat creates any body; the chair
/// of a body creates its working groups. A body's chair (or the secretariat) changes it.
/// </summary>
public sealed class SaveBody(CadreDbContext db)
{
    public sealed record Request(
        int? BodyId,
        int? Version,
        string Code,
        BodyKind Kind,
        IReadOnlyDictionary<string, string?> Name,
        int? ParentId = null,
        string? Sector = null,
        IReadOnlyDictionary<string, string?>? Mandate = null,
        string? MandateSymbol = null,
        MembershipRule Membership = MembershipRule.OpenToSector,
        bool WorksByCorrespondence = false,
        bool MeetsVirtually = false,
        bool MeetsPhysically = false,
        string WorkingLanguage = "en",
        DateOnly? ActiveFrom = null,
        DateOnly? ActiveTo = null);

    public static readonly IReadOnlyList<string> Sectors = ["ITU-D", "ITU-T", "ITU-R"];

    public async Task<Body> HandleAsync(Request request, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        ArgumentNullException.ThrowIfNull(request);
        Body? body = null;
        if (request.BodyId is int id)
        {
            body = await GovernanceInput.BodyAsync(db, id, ct);
            await GovernanceInput.EnsureCanManageAsync(db, body.Id, ct);
            db.ExpectVersion(body, request.Version);
        }
        else if (!IsSecretariat(db.Actor))
        {
            // A chair creates working groups under the body they chair, nothing else.
            if (request.ParentId is not int parent) throw new ForbiddenException(Messages.Get("Error.Forbidden"));
            await GovernanceInput.EnsureCanManageAsync(db, parent, ct);
        }

        var v = new Validation();
        var code = GovernanceInput.Trimmed(v, "code", request.Code, 40);
        if (code is null) v.Add("code", Messages.Get("Error.Required"));
        else if (!code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) v.Add("code", Messages.Get("Error.Body.Code"));
        else if (await db.Bodies.AnyAsync(b => b.Code == code && b.Id != (request.BodyId ?? 0), ct)) v.Add("code", Messages.Format("Error.Body.Duplicate", code));
        if (!Enum.IsDefined(request.Kind)) v.Add("kind", Messages.Get("Error.Required"));
        var name = Planning.Handlers.PlanningInput.Text(v, "name", request.Name, 300, required: true);
        var mandate = Planning.Handlers.PlanningInput.Text(v, "mandate", request.Mandate, 8000, required: false);
        var mandateSymbol = GovernanceInput.Symbol(v, "mandateSymbol", request.MandateSymbol);
        if (mandateSymbol is not null) v.MaxLength("mandateSymbol", mandateSymbol, 80);
        var sector = string.IsNullOrWhiteSpace(request.Sector) ? null : request.Sector.Trim();
        if (sector is not null && !Sectors.Contains(sector)) v.Add("sector", Messages.Get("Error.Body.Sector"));
        if (!Enum.IsDefined(request.Membership)) v.Add("membership", Messages.Get("Error.Required"));
        var language = (request.WorkingLanguage ?? "").Trim().ToLowerInvariant();
        if (!LocalizedText.IsSupported(language)) v.Add("workingLanguage", Messages.Format("Error.UnknownLanguage", request.WorkingLanguage ?? ""));
        if (request.ActiveFrom is DateOnly from && request.ActiveTo is DateOnly to && to < from) v.Add("activeTo", Messages.Get("Error.Body.EndBeforeStart"));
        if (request.ParentId is int parentId)
        {
            if (parentId == request.BodyId) v.Add("parentId", Messages.Get("Error.Body.ParentCycle"));
            else if (!await db.Bodies.AnyAsync(b => b.Id == parentId, ct)) v.Add("parentId", Messages.Get("Error.NotFound.Body"));
            else if (request.BodyId is int self && await IsDescendantAsync(parentId, self, ct)) v.Add("parentId", Messages.Get("Error.Body.ParentCycle"));
        }
        if (request.Kind is BodyKind.CouncilWorkingGroup or BodyKind.AdvisoryGroupWorkingGroup && request.ParentId is null) v.Add("parentId", Messages.Get("Error.Body.ParentRequired"));
        v.ThrowIfAny();

        if (body is null)
        {
            body = new Body();
            db.Bodies.Add(body);
        }
        body.Code = code!;
        body.Kind = request.Kind;
        body.Name = name;
        body.ParentId = request.ParentId;
        body.Sector = sector;
        body.Mandate = mandate;
        body.MandateSymbol = mandateSymbol;
        body.Membership = request.Membership;
        body.WorksByCorrespondence = request.WorksByCorrespondence;
        body.MeetsVirtually = request.MeetsVirtually;
        body.MeetsPhysically = request.MeetsPhysically;
        body.WorkingLanguage = language;
        body.ActiveFrom = request.ActiveFrom;
        body.ActiveTo = request.ActiveTo;
        await db.SaveChangesAsync(ct);
        return body;
    }

    /// <summary>True when <paramref name="candidate"/> lies under <paramref name="ancestor"/> (so it cannot become its parent).</summary>
    private async Task<bool> IsDescendantAsync(int candidate, int ancestor, CancellationToken ct)
    {
        var parents = await db.Bodies.AsNoTracking().Select(b => new { b.Id, b.ParentId }).ToDictionaryAsync(b => b.Id, b => b.ParentId, ct);
        var seen = new HashSet<int>();
        for (int? at = candidate; at is int x && seen.Add(x); at = parents.GetValueOrDefault(x))
        {
            if (x == ancestor) return true;
        }
        return false;
    }

    internal static bool IsSecretariat(ICurrentActor actor) => actor.IsInRole(Roles.Admin) || actor.IsInRole(Roles.Planner);
}

/// <summary>Appoints a chair or vice-chair for a term, optionally linked to the person's account (found by e-mail).</summary>
public sealed class AddOfficer(CadreDbContext db)
{
    public sealed record Request(int BodyId, string? Name, OfficerRole Role, DateOnly? TermFrom, DateOnly? TermTo, string? AccountEmail = null);

    public async Task<BodyOfficer> HandleAsync(Request request, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        ArgumentNullException.ThrowIfNull(request);
        await GovernanceInput.BodyAsync(db, request.BodyId, ct);
        await GovernanceInput.EnsureCanManageAsync(db, request.BodyId, ct);
        var v = new Validation();
        var name = GovernanceInput.Trimmed(v, "name", request.Name, 200);
        if (!Enum.IsDefined(request.Role)) v.Add("role", Messages.Get("Error.Required"));
        if (request.TermFrom is DateOnly f && request.TermTo is DateOnly t && t < f) v.Add("termTo", Messages.Get("Error.Body.EndBeforeStart"));
        CadreUser? user = null;
        if (!string.IsNullOrWhiteSpace(request.AccountEmail))
        {
            var normalized = request.AccountEmail.Trim().ToUpperInvariant();
            user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
            if (user is null) v.Add("accountEmail", Messages.Get("Error.Officer.NoAccount"));
        }
        name ??= user?.DisplayName is { Length: > 0 } d ? d : null;
        if (name is null) v.Add("name", Messages.Get("Error.Required"));
        if (request.Role == OfficerRole.Chair && v.HasErrors is false)
        {
            // One chair at a time: the terms of two chairs may not overlap.
            var from = request.TermFrom ?? DateOnly.MinValue;
            var to = request.TermTo ?? DateOnly.MaxValue;
            var overlapping = await db.BodyOfficers.AnyAsync(o => o.BodyId == request.BodyId && o.Role == OfficerRole.Chair
                && (o.TermFrom == null || o.TermFrom <= to) && (o.TermTo == null || o.TermTo >= from), ct);
            if (overlapping) v.Add("role", Messages.Get("Error.Officer.TwoChairs"));
        }
        v.ThrowIfAny();
        var officer = new BodyOfficer
        {
            BodyId = request.BodyId, Name = name!, Role = request.Role, TermFrom = request.TermFrom, TermTo = request.TermTo, UserId = user?.Id,
        };
        db.BodyOfficers.Add(officer);
        await db.SaveChangesAsync(ct);
        return officer;
    }
}

/// <summary>Ends an officer's term on a given day (the officer stays in the body's history).</summary>
public sealed class EndOfficerTerm(CadreDbContext db)
{
    /// <param name="BodyId">When set, the officer must be one of this body's (404 otherwise).</param>
    public sealed record Request(int OfficerId, int? Version, DateOnly? EndOn, int? BodyId = null);

    public async Task<BodyOfficer> HandleAsync(Request request, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        ArgumentNullException.ThrowIfNull(request);
        var officer = await db.BodyOfficers.FirstOrDefaultAsync(o => o.Id == request.OfficerId && (request.BodyId == null || o.BodyId == request.BodyId), ct)
            ?? throw new NotFoundException(Messages.Get("Error.NotFound.Officer"));
        await GovernanceInput.EnsureCanManageAsync(db, officer.BodyId, ct);
        db.ExpectVersion(officer, request.Version);
        var v = new Validation();
        if (request.EndOn is null) v.Add("endOn", Messages.Get("Error.Required"));
        else if (officer.TermFrom is DateOnly from && request.EndOn < from) v.Add("endOn", Messages.Get("Error.Body.EndBeforeStart"));
        else if (officer.TermTo is DateOnly to && to < request.EndOn) v.Add("endOn", Messages.Get("Error.Officer.AlreadyEnded"));
        v.ThrowIfAny();
        officer.TermTo = request.EndOn;
        await db.SaveChangesAsync(ct);
        return officer;
    }
}

/// <summary>Adds a Member to the list of a body whose membership is a list.</summary>
public sealed class AddBodyMember(CadreDbContext db)
{
    public sealed record Request(int BodyId, string? MemberCode, DateOnly? Since = null);

    public async Task<BodyMember> HandleAsync(Request request, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        ArgumentNullException.ThrowIfNull(request);
        var body = await GovernanceInput.BodyAsync(db, request.BodyId, ct);
        await GovernanceInput.EnsureCanManageAsync(db, body.Id, ct);
        var v = new Validation();
        if (body.Membership != MembershipRule.ListedMembers) v.Add("memberCode", Messages.Get("Error.BodyMember.OpenBody"));
        var code = (request.MemberCode ?? "").Trim();
        var member = code.Length == 0 ? null : await db.Members.FirstOrDefaultAsync(m => m.Code == code, ct);
        if (code.Length == 0) v.Add("memberCode", Messages.Get("Error.Required"));
        else if (member is null) v.Add("memberCode", Messages.Format("Error.BodyMember.Unknown", code));
        else if (await db.BodyMembers.AnyAsync(m => m.BodyId == body.Id && m.MemberId == member.Id, ct)) v.Add("memberCode", Messages.Format("Error.BodyMember.Duplicate", code));
        v.ThrowIfAny();
        var row = new BodyMember { BodyId = body.Id, MemberId = member!.Id, Since = request.Since };
        db.BodyMembers.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }
}

/// <summary>Takes a Member off a body's list.</summary>
public sealed class RemoveBodyMember(CadreDbContext db)
{
    public async Task HandleAsync(int bodyId, int memberId, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        var row = await db.BodyMembers.FirstOrDefaultAsync(m => m.BodyId == bodyId && m.MemberId == memberId, ct)
            ?? throw new NotFoundException(Messages.Get("Error.NotFound.BodyMember"));
        await GovernanceInput.EnsureCanManageAsync(db, bodyId, ct);
        db.BodyMembers.Remove(row);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// What refers to a body (<see cref="InUse"/>: it cannot be deleted) and what would go with it (its officers, its list of
/// Members and its work programme). The confirmation page shows it; <see cref="DeleteBody"/> checks it.
/// </summary>
public sealed record BodyUsage(int Groups, int Meetings, int Documents, int Contributions, int Liaisons, int Recommendations, int Surveys,
    int Officers, int ListedMembers, int WorkItems)
{
    public bool InUse => Groups + Meetings + Documents + Contributions + Liaisons + Recommendations + Surveys > 0;

    /// <summary>The reason it cannot be deleted, in the request's language.</summary>
    public string InUseMessage => Messages.Format("Error.Body.InUse", Groups, Meetings, Documents, Contributions, Liaisons, Recommendations, Surveys);

    public static async Task<BodyUsage> OfAsync(CadreDbContext db, int bodyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new BodyUsage(
            await db.Bodies.CountAsync(b => b.ParentId == bodyId, ct),
            await db.Meetings.CountAsync(m => m.BodyId == bodyId, ct),
            await db.Documents.CountAsync(d => d.BodyId == bodyId, ct),
            await db.Contributions.CountAsync(c => c.BodyId == bodyId, ct),
            await db.LiaisonStatements.CountAsync(l => l.FromBodyId == bodyId || l.ToBodyId == bodyId, ct),
            await db.Recommendations.CountAsync(r => r.BodyId == bodyId || r.ToBodyId == bodyId, ct),
            await db.Surveys.CountAsync(s => s.BodyId == bodyId, ct),
            await db.BodyOfficers.CountAsync(o => o.BodyId == bodyId, ct),
            await db.BodyMembers.CountAsync(m => m.BodyId == bodyId, ct),
            await db.WorkItems.CountAsync(w => w.BodyId == bodyId, ct));
    }
}

/// <summary>
/// Deletes a body that nothing else refers to: no working groups under it, no meetings, documents, contributions,
/// liaison statements, recommendations or surveys. Its officers, its list of Members and its work programme go with
/// it. Whoever may create the body may delete it: the secretariat, or the chair of its parent body.
/// </summary>
public sealed class DeleteBody(CadreDbContext db)
{
    /// <summary>True when the caller may delete this body (the page offers the action only then).</summary>
    public async Task<bool> CanDeleteAsync(Body body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return db.Actor.IsAuthenticated
            && (db.Actor.IsInRole(Identity.Roles.Admin) || db.Actor.IsInRole(Identity.Roles.Planner) || db.Actor.IsInRole(Identity.Roles.Chair))
            && await BodyAccess.CanCreateAsync(db, db.Actor, body.ParentId, ct);
    }

    public async Task HandleAsync(int bodyId, int? version, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        var body = await GovernanceInput.BodyAsync(db, bodyId, ct);
        if (!await BodyAccess.CanCreateAsync(db, db.Actor, body.ParentId, ct)) throw new ForbiddenException(Messages.Get("Error.Forbidden"));
        db.ExpectVersion(body, version);
        var usage = await BodyUsage.OfAsync(db, bodyId, ct);
        if (usage.InUse) throw new ValidationFailedException("body", usage.InUseMessage);
        db.Bodies.Remove(body);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Something added since the checks (or by another area) still refers to the body: nothing was deleted.
            throw new ValidationFailedException("body", usage.InUseMessage);
        }
    }
}

/// <summary>Removes an officer recorded by mistake (ending a term keeps the officer in the body's history instead).</summary>
public sealed class RemoveOfficer(CadreDbContext db)
{
    /// <param name="bodyId">When set, the officer must be one of this body's (404 otherwise).</param>
    public async Task HandleAsync(int officerId, int? version, int? bodyId = null, CancellationToken ct = default)
    {
        GovernanceInput.EnsureManagerRole(db.Actor);
        var officer = await db.BodyOfficers.FirstOrDefaultAsync(o => o.Id == officerId && (bodyId == null || o.BodyId == bodyId), ct)
            ?? throw new NotFoundException(Messages.Get("Error.NotFound.Officer"));
        await GovernanceInput.EnsureCanManageAsync(db, officer.BodyId, ct);
        db.ExpectVersion(officer, version);
        db.BodyOfficers.Remove(officer);
        await db.SaveChangesAsync(ct);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Planning;
using Cadre.Core.Planning.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Finance.Handlers;

/// <summary>Sets the responsible unit and resources of an element of an operational plan.</summary>
public sealed class SaveOutputResource(CadreDbContext db)
{
    public sealed record Request(int ElementId, int? Version, string ResponsibleUnit, decimal Amount, decimal StaffDays);

    public async Task<OutputResource> HandleAsync(Request request, CancellationToken ct = default)
    {
        FinancePermissions.EnsureCanEdit(db.Actor);
        var element = await db.PlanElements.Include(e => e.Plan).FirstOrDefaultAsync(e => e.Id == request.ElementId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Element", request.ElementId));
        if (element.Plan!.Kind != PlanKind.Operational) throw new ValidationFailedException("plan", Messages.Format("Finance.Error.NotOperational", element.Plan.Code));
        if (element.Plan.Status == PlanStatus.Superseded) throw new ValidationFailedException("plan", Messages.Format("Error.PlanReadOnly", element.Plan.Code));
        var v = new Validation();
        var unit = FinanceInput.Unit(v, "responsibleUnit", request.ResponsibleUnit);
        Money.Check(v, "amount", request.Amount);
        if (request.StaffDays < 0) v.Add("staffDays", Messages.Get("Finance.Error.NegativeAmount"));
        else if (request.StaffDays > 10_000_000m || decimal.Round(request.StaffDays, 2) != request.StaffDays) v.Add("staffDays", Messages.Get("Finance.Error.ShareFormat"));
        v.ThrowIfAny();

        var resource = await db.OutputResources.FirstOrDefaultAsync(r => r.ElementId == element.Id, ct);
        if (resource is null)
        {
            resource = new OutputResource { ElementId = element.Id };
            db.OutputResources.Add(resource);
        }
        else db.ExpectVersion(resource, request.Version);
        resource.ResponsibleUnit = unit!;
        resource.Amount = request.Amount;
        resource.StaffDays = request.StaffDays;
        await db.SaveChangesAsync(ct);
        return resource;
    }
}

/// <summary>
/// Rolls a four-year operational plan forward one year: a draft copy of its outputs, activities and
/// links (Planning's <see cref="ClonePlan"/>), one year on, with each element's responsible unit and resources.
/// </summary>
public sealed partial class RollForwardOperationalPlan(CadreDbContext db, ClonePlan clone)
{
    public sealed record Request(int PlanId, string? NewCode = null);

    [GeneratedRegex(@"(\d{4})-(\d{4})")]
    private static partial Regex PeriodInCode();

    /// <summary>The code the next plan gets by default: the period in the code moved one year on.</summary>
    public static string NextCode(string code, int startYear, int endYear)
    {
        var period = string.Create(CultureInfo.InvariantCulture, $"{startYear + 1}-{endYear + 1}");
        return PeriodInCode().IsMatch(code) ? PeriodInCode().Replace(code, period, 1) : $"{code}-{period}";
    }

    public async Task<Plan> HandleAsync(Request request, CancellationToken ct = default)
    {
        FinancePermissions.EnsureCanEdit(db.Actor);
        var source = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PlanId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Plan", request.PlanId));
        if (source.Kind != PlanKind.Operational) throw new ValidationFailedException("plan", Messages.Format("Finance.Error.NotOperational", source.Code));
        var successor = await db.Plans.Where(p => p.PreviousPlanId == source.Id).Select(p => p.Code).FirstOrDefaultAsync(ct);
        if (successor is not null) throw new ValidationFailedException("plan", Messages.Format("Finance.Error.AlreadyRolled", source.Code, successor));
        var code = string.IsNullOrWhiteSpace(request.NewCode) ? NextCode(source.Code, source.StartYear, source.EndYear) : request.NewCode.Trim();

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var next = await clone.HandleAsync(new ClonePlan.Request(source.Id, code, source.StartYear + 1, source.EndYear + 1), ct);
            var resources = await db.OutputResources.AsNoTracking().Where(r => r.Element!.PlanId == source.Id)
                .Select(r => new { r.Element!.Code, r.ResponsibleUnit, r.Amount, r.StaffDays }).ToListAsync(ct);
            var newIds = await db.PlanElements.Where(e => e.PlanId == next.Id).ToDictionaryAsync(e => e.Code, e => e.Id, StringComparer.Ordinal, ct);
            foreach (var r in resources)
            {
                if (newIds.TryGetValue(r.Code, out var id))
                {
                    db.OutputResources.Add(new OutputResource { ElementId = id, ResponsibleUnit = r.ResponsibleUnit, Amount = r.Amount, StaffDays = r.StaffDays });
                }
            }
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return next;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }
}

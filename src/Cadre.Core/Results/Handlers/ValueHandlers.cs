using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Results.Handlers;

/// <summary>Evidence attached to a value: a link, or a small file (at most <see cref="ResultsInput.MaxEvidenceBytes"/>).</summary>
public sealed record Evidence(string? Url = null, string? FileName = null, string? ContentType = null, byte[]? Content = null);

/// <summary>
/// A Reporter submits a value (provisional) for an indicator they own. Resubmitting while the value is
/// still provisional replaces it; after a rejection it adds a revision; a validated value is corrected
/// with <see cref="CorrectValue"/>.
/// </summary>
public sealed class SubmitValue(CadreDbContext db)
{
    /// <param name="DimensionValue">"dimension:value", e.g. "itu-region:africa"; null for the whole.</param>
    public sealed record Request(int IndicatorId, string Period, decimal? Value, string? DimensionValue = null, string? Text = null,
        string? Comment = null, Evidence? Evidence = null, int? Version = null);

    public async Task<ReportedValue> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (indicator, plan) = await ValueRules.LoadAsync(db, request.IndicatorId, ct);
        if (!ResultsPermissions.CanSubmit(db.Actor, indicator)) throw new ForbiddenException(Messages.Get("Error.Results.NotYourIndicator"));
        var v = new Validation();
        var periodError = ResultsInput.ParsePeriod(indicator, plan, request.Period, out var period);
        if (periodError is not null) v.Add("period", periodError);
        var dimensionValue = ValueRules.DimensionValue(v, indicator, request.DimensionValue);
        ValueRules.CheckContent(v, indicator, request.Value, request.Text, request.Comment, request.Evidence);
        v.ThrowIfAny();

        var key = ReportedValue.KeyOf(period.Code, dimensionValue?.Id);
        var latest = await db.ReportedValues.Where(x => x.IndicatorId == indicator.Id && x.SeriesKey == key)
            .OrderByDescending(x => x.Revision).FirstOrDefaultAsync(ct);
        ReportedValue value;
        if (latest is { Status: ValueStatus.Provisional })
        {
            db.ExpectVersion(latest, request.Version);
            value = latest;
        }
        else if (latest is { Status: ValueStatus.Validated })
        {
            throw new ValidationFailedException("period", Messages.Format("Error.Results.AlreadyValidated", period.Code));
        }
        else
        {
            value = new ReportedValue
            {
                IndicatorId = indicator.Id,
                Period = period.Code,
                Year = period.Year,
                SubPeriod = period.Sub,
                DimensionValueId = dimensionValue?.Id,
                SeriesKey = key,
                Revision = (latest?.Revision ?? 0) + 1,
            };
            db.ReportedValues.Add(value);
        }
        ValueRules.Fill(db, value, request.Value, request.Text, request.Comment, request.Evidence);
        await ValueRules.SaveAsync(db, ct);
        return value;
    }
}

/// <summary>A correction of a validated value: a new provisional revision with a reason; the validated revision stays as it was.</summary>
public sealed class CorrectValue(CadreDbContext db)
{
    public sealed record Request(int ValueId, decimal? Value, string Reason, string? Text = null, string? Comment = null, Evidence? Evidence = null);

    public async Task<ReportedValue> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var original = await db.ReportedValues.AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.ValueId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Value", request.ValueId));
        var (indicator, _) = await ValueRules.LoadAsync(db, original.IndicatorId, ct);
        if (!ResultsPermissions.CanSubmit(db.Actor, indicator)) throw new ForbiddenException(Messages.Get("Error.Results.NotYourIndicator"));
        var v = new Validation();
        if (original.Status != ValueStatus.Validated) v.Add("valueId", Messages.Get("Error.Results.CorrectOnlyValidated"));
        else if (await db.ReportedValues.AnyAsync(x => x.IndicatorId == original.IndicatorId && x.SeriesKey == original.SeriesKey && x.Revision > original.Revision, ct))
        {
            v.Add("valueId", Messages.Get("Error.Results.NotLatestRevision"));
        }
        v.Require("reason", request.Reason, 2000);
        ValueRules.CheckContent(v, indicator, request.Value, request.Text, request.Comment, request.Evidence);
        v.ThrowIfAny();
        var value = new ReportedValue
        {
            IndicatorId = original.IndicatorId,
            Period = original.Period,
            Year = original.Year,
            SubPeriod = original.SubPeriod,
            DimensionValueId = original.DimensionValueId,
            SeriesKey = original.SeriesKey,
            Revision = original.Revision + 1,
            CorrectsId = original.Id,
            Reason = request.Reason.Trim(),
        };
        ValueRules.Fill(db, value, request.Value, request.Text, request.Comment, request.Evidence ?? KeepEvidence(original));
        db.ReportedValues.Add(value);
        await ValueRules.SaveAsync(db, ct);
        return value;
    }

    private static Evidence? KeepEvidence(ReportedValue o) =>
        o.EvidenceUrl is null && o.EvidenceContent is null ? null : new Evidence(o.EvidenceUrl, o.EvidenceFileName, o.EvidenceContentType, o.EvidenceContent);
}

/// <summary>
/// A Validator approves a provisional value (never one they submitted). Two approvals of the same value
/// at the same time give one approval: the second fails on the concurrency token (409), or, if it comes
/// after, finds the value already decided (400).
/// </summary>
public sealed class ApproveValue(CadreDbContext db, ProgressService progress)
{
    public sealed record Request(int ValueId, int? Version = null);

    public async Task<ReportedValue> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = await ValueRules.ForDecisionAsync(db, request.ValueId, request.Version, ct);
        value.Status = ValueStatus.Validated;
        value.DecidedById = db.Actor.UserId;
        value.DecidedBy = db.Actor.Name;
        value.DecidedAtUtc = db.UtcNow;
        var before = CadreDbContext.DataVersion;
        await ValueRules.SaveAsync(db, ct);
        await progress.ValueValidatedAsync(value.IndicatorId, before, ct);
        return value;
    }
}

/// <summary>A Validator rejects a provisional value with a reason (never one they submitted).</summary>
public sealed class RejectValue(CadreDbContext db)
{
    public sealed record Request(int ValueId, string Reason, int? Version = null);

    public async Task<ReportedValue> HandleAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new Validation().Require("reason", request.Reason, 2000).ThrowIfAny();
        var value = await ValueRules.ForDecisionAsync(db, request.ValueId, request.Version, ct);
        value.Status = ValueStatus.Rejected;
        value.RejectionReason = request.Reason.Trim();
        value.DecidedById = db.Actor.UserId;
        value.DecidedBy = db.Actor.Name;
        value.DecidedAtUtc = db.UtcNow;
        await ValueRules.SaveAsync(db, ct);
        return value;
    }
}

internal static class ValueRules
{
    public static async Task<(Indicator Indicator, Planning.Plan Plan)> LoadAsync(CadreDbContext db, int indicatorId, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking()
            .Include(i => i.Plan)
            .Include(i => i.Dimensions).ThenInclude(d => d.Dimension!).ThenInclude(d => d.Values)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == indicatorId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Indicator", indicatorId));
        return (indicator, indicator.Plan!);
    }

    public static DimensionValue? DimensionValue(Validation v, Indicator indicator, string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) return null;
        var dv = SaveIndicator.FindDimensionValue(indicator.Dimensions.Select(d => d.Dimension!), key);
        if (dv is null) v.Add("dimensionValue", Messages.Format("Error.Results.DimensionValueNotOnIndicator", key));
        return dv;
    }

    public static void CheckContent(Validation v, Indicator indicator, decimal? value, string? text, string? comment, Evidence? evidence)
    {
        if (ResultsInput.CheckValue(indicator.Measure, value) is string error) v.Add("value", error);
        v.MaxLength("text", text, 4000).MaxLength("comment", comment, 2000);
        if (evidence is null) return;
        if (ResultsInput.CheckEvidenceUrl(evidence.Url) is string urlError) v.Add("evidenceUrl", urlError);
        if (evidence.Content is { } content)
        {
            if (content.Length > ResultsInput.MaxEvidenceBytes) v.Add("evidenceFile", Messages.Format("Error.Results.EvidenceTooLarge", ResultsInput.MaxEvidenceBytes / 1024));
            if (string.IsNullOrWhiteSpace(evidence.FileName)) v.Add("evidenceFile", Messages.Get("Error.Required"));
            v.MaxLength("evidenceFile", evidence.FileName, 200).MaxLength("evidenceFile", evidence.ContentType, 100);
        }
    }

    public static void Fill(CadreDbContext db, ReportedValue value, decimal? number, string? text, string? comment, Evidence? evidence)
    {
        value.Value = number;
        value.Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        value.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        value.EvidenceUrl = string.IsNullOrWhiteSpace(evidence?.Url) ? null : evidence.Url.Trim();
        value.EvidenceFileName = evidence?.Content is null ? null : Path.GetFileName(evidence.FileName);
        value.EvidenceContentType = evidence?.Content is null ? null : evidence.ContentType ?? "application/octet-stream";
        value.EvidenceContent = evidence?.Content;
        value.Status = ValueStatus.Provisional;
        value.SubmittedById = db.Actor.UserId ?? "";
        value.SubmittedBy = db.Actor.Name;
        value.SubmittedAtUtc = db.UtcNow;
        value.DecidedById = null;
        value.DecidedBy = null;
        value.DecidedAtUtc = null;
        value.RejectionReason = null;
    }

    public static async Task<ReportedValue> ForDecisionAsync(CadreDbContext db, int valueId, int? version, CancellationToken ct)
    {
        var value = await db.ReportedValues.Include(x => x.Indicator).FirstOrDefaultAsync(x => x.Id == valueId, ct)
            ?? throw new NotFoundException(Messages.Format("Error.NotFound.Value", valueId));
        if (!ResultsPermissions.CanDecide(db.Actor, value.Indicator!)) throw new ForbiddenException(Messages.Get("Error.Results.NotYourValidation"));
        if (value.SubmittedById == db.Actor.UserId) throw new ForbiddenException(Messages.Get("Error.Results.OwnValue"));
        if (value.Status != ValueStatus.Provisional) throw new ValidationFailedException("valueId", Messages.Get("Error.Results.AlreadyDecided"));
        db.ExpectVersion(value, version);
        return value;
    }

    /// <summary>Saves; a unique-key clash (two submissions of the same revision at once) is a conflict.</summary>
    public static async Task SaveAsync(CadreDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConcurrencyConflictException(Messages.Get("Error.Conflict"));
        }
    }
}

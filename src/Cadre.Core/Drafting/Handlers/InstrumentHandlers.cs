using Cadre.Core.Common;
using Cadre.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Core.Drafting.Handlers;

public sealed class CreateInstrument(CadreDbContext db)
{
    public sealed record Request(InstrumentKind Kind, string Body, string Number, IReadOnlyDictionary<string, string?> Title);

    public async Task<Instrument> HandleAsync(Request request, CancellationToken ct = default)
    {
        DraftingPermissions.EnsureSecretariat(db.Actor);
        var v = new Validation();
        if (!Enum.IsDefined(request.Kind)) v.Add("kind", Messages.Get("Drafting.Error.Kind"));
        v.Require("body", request.Body, 100);
        v.Require("number", request.Number, 20);
        var title = new LocalizedText();
        foreach (var (lang, text) in request.Title ?? new Dictionary<string, string?>())
        {
            if (!LocalizedText.IsSupported(lang)) v.Add("title", Messages.Format("Error.UnknownLanguage", lang));
            else if (text?.Length > 400) v.Add("title", Messages.Format("Error.TooLong", 400));
            else title[lang] = text;
        }
        if (title.IsEmpty) v.Add("title", Messages.Get("Error.TitleRequired"));
        if (!v.HasErrors)
        {
            var body = request.Body.Trim();
            var number = request.Number.Trim();
            if (await db.Instruments.AnyAsync(i => i.Kind == request.Kind && i.Body == body && i.Number == number, ct))
                v.Add("number", Messages.Format("Drafting.Error.DuplicateInstrument", request.Kind, body, number));
        }
        v.ThrowIfAny();
        var instrument = new Instrument { Kind = request.Kind, Body = request.Body.Trim(), Number = request.Number.Trim(), Title = title };
        db.Instruments.Add(instrument);
        await db.SaveChangesAsync(ct);
        return instrument;
    }
}

/// <summary>Adds a version (draft or published at once) to an instrument from its plain text.</summary>
public sealed class CreateVersion(CadreDbContext db)
{
    public const int MaxTextLength = 2_000_000;

    public sealed record Request(int InstrumentId, string Label, string Language, string Text, bool Publish = false);

    public async Task<InstrumentVersion> HandleAsync(Request request, CancellationToken ct = default)
    {
        DraftingPermissions.EnsureSecretariat(db.Actor);
        var instrument = await db.Instruments.FirstOrDefaultAsync(i => i.Id == request.InstrumentId, ct)
            ?? throw new NotFoundException(Messages.Format("Drafting.Error.NotFound.Instrument", request.InstrumentId));
        var v = new Validation();
        v.Require("label", request.Label, 200);
        if (!LocalizedText.IsSupported(request.Language)) v.Add("language", Messages.Format("Error.UnknownLanguage", request.Language));
        var text = DraftingText.Normalize(request.Text);
        if (text.Length == 0) v.Add("text", Messages.Get("Error.Required"));
        else if (text.Length > MaxTextLength) v.Add("text", Messages.Format("Error.TooLong", MaxTextLength));
        if (!v.HasErrors && await db.InstrumentVersions.AnyAsync(x => x.InstrumentId == instrument.Id && x.Label == request.Label.Trim() && x.Language == request.Language, ct))
            v.Add("label", Messages.Format("Drafting.Error.DuplicateVersion", request.Label.Trim(), request.Language));
        v.ThrowIfAny();
        var now = db.UtcNow;
        var version = new InstrumentVersion
        {
            InstrumentId = instrument.Id,
            Label = request.Label.Trim(),
            Language = request.Language,
            Text = text,
            Status = request.Publish ? VersionStatus.Published : VersionStatus.Draft,
            CreatedAtUtc = now,
            PublishedAtUtc = request.Publish ? now : null,
        };
        db.InstrumentVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return version;
    }
}

/// <summary>Publishes a draft version; from then on it never changes and proposals may be made against it.</summary>
public sealed class PublishVersion(CadreDbContext db)
{
    public sealed record Request(int VersionId, int? Version);

    public async Task<InstrumentVersion> HandleAsync(Request request, CancellationToken ct = default)
    {
        DraftingPermissions.EnsureSecretariat(db.Actor);
        var version = await db.InstrumentVersions.FirstOrDefaultAsync(x => x.Id == request.VersionId, ct)
            ?? throw new NotFoundException(Messages.Format("Drafting.Error.NotFound.Version", request.VersionId));
        db.ExpectVersion(version, request.Version);
        if (version.IsPublished) throw new ValidationFailedException("status", Messages.Get("Drafting.Error.AlreadyPublished"));
        version.Status = VersionStatus.Published;
        version.PublishedAtUtc = db.UtcNow;
        await db.SaveChangesAsync(ct);
        return version;
    }
}

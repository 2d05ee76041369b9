using Cadre.Core.Common;
using Cadre.Core.Planning;
using Cadre.Core.Results;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Results.Import;

/// <summary>
/// Bulk entry of values: download the template (.xlsx or .csv), upload it filled, read the preview with every
/// row's errors, then import: all rows in one transaction, or none. The checked file travels back in the
/// preview's form (nothing is kept on the server between the two posts), up to <see cref="CarriedBytes"/>;
/// a larger file is imported by choosing it again.
/// </summary>
[Authorize]
public sealed class IndexModel(ValueImport import) : ResultsPageModel
{
    /// <summary>Largest file whose content the preview carries to the import form (base64 in a form field stays under the 4 MB field limit).</summary>
    public const int CarriedBytes = 2 * 1024 * 1024;

    public Plan Plan { get; private set; } = null!;
    public ImportPreview? Preview { get; private set; }
    public bool Imported { get; private set; }
    public string? FileName { get; private set; }
    public string? Carried { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The checked file, carried from the preview to the import (base64).</summary>
    [BindProperty]
    public string? CarriedContent { get; set; }

    [BindProperty]
    public string? ContentName { get; set; }

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var plan = await Reads.PlanAsync(planId, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        return Page();
    }

    public async Task<IActionResult> OnGetTemplateAsync(int planId, string? format, string? unit, CancellationToken ct)
    {
        var plan = await Reads.PlanAsync(planId, ct);
        if (plan is null) return NotFound();
        var sheet = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) ? SheetFormat.Csv : SheetFormat.Xlsx;
        var buffer = new MemoryStream();
        await import.WriteTemplateAsync(planId, string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(), sheet, buffer, Localization.CurrentLanguage, ct);
        buffer.Position = 0;
        return sheet == SheetFormat.Csv
            ? File(buffer, "text/csv; charset=utf-8", $"{plan.Code}-values.csv")
            : File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{plan.Code}-values.xlsx");
    }

    /// <summary>Checks the uploaded file and shows every row with its errors; stores nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int planId, CancellationToken ct)
    {
        var plan = await Reads.PlanAsync(planId, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        if (await ReadUploadAsync() is not { } upload) return Page();
        try
        {
            Preview = await import.PreviewAsync(planId, new MemoryStream(upload.Bytes), upload.Format, null, ct);
        }
        catch (CadreException ex)
        {
            return FailAtTop(ex) ?? Page();
        }
        FileName = upload.Name;
        if (!Preview.HasErrors && upload.Bytes.Length <= CarriedBytes) Carried = Convert.ToBase64String(upload.Bytes);
        return Page();
    }

    /// <summary>Imports the file (carried from the preview, or chosen again): every row, or none when any row has an error.</summary>
    public async Task<IActionResult> OnPostCommitAsync(int planId, CancellationToken ct)
    {
        var plan = await Reads.PlanAsync(planId, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        (byte[] Bytes, SheetFormat Format, string Name)? upload = null;
        if (!string.IsNullOrEmpty(CarriedContent) && ContentName is not null && ValueImport.FormatOf(ContentName) is SheetFormat carriedFormat)
        {
            try
            {
                upload = (Convert.FromBase64String(CarriedContent), carriedFormat, Path.GetFileName(ContentName));
            }
            catch (FormatException)
            {
                ModelState.AddModelError(nameof(Upload), RText("Import.ChooseAgain"));
                return Page();
            }
        }
        upload ??= await ReadUploadAsync();
        if (upload is not { } u) return Page();
        try
        {
            Preview = await import.CommitAsync(planId, new MemoryStream(u.Bytes), u.Format, null, ct);
        }
        catch (CadreException ex)
        {
            return FailAtTop(ex) ?? Page();
        }
        FileName = u.Name;
        if (Preview.HasErrors) return Page();
        Flash(RText("Import.Done", Preview.Rows.Count(r => r.Value is not null && r.Value.Length > 0), u.Name));
        return Redirect($"/Results/Plans/{planId}/Import?done=1");
    }

    private async Task<(byte[] Bytes, SheetFormat Format, string Name)?> ReadUploadAsync()
    {
        if (Upload is not { Length: > 0 } file)
        {
            ModelState.AddModelError(nameof(Upload), RText("Import.NoFile"));
            return null;
        }
        var name = Path.GetFileName(file.FileName);
        if (ValueImport.FormatOf(name) is not SheetFormat format)
        {
            ModelState.AddModelError(nameof(Upload), RText("Import.WrongType"));
            return null;
        }
        if (file.Length > ValueImport.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), RText("Import.TooLarge", ValueImport.MaxFileBytes / 1024 / 1024));
            return null;
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        return (buffer.ToArray(), format, name);
    }
}

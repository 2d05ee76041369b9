using Cadre.Core.Common;
using Cadre.Core.Identity;
using Cadre.Web.Infrastructure;
using Cadre.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cadre.Web.Pages.Admin.Users;

[Authorize(Roles = Roles.Admin)]
public sealed class EditModel(UserAdministration admin, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public UserForm Form { get; set; } = new();

    public UserAdministration.UserRow? Account { get; private set; }

    public UserFormChoices Choices { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Form = new UserForm { Email = Account!.Email, DisplayName = Account.DisplayName, Roles = [.. Account.Roles], MemberCode = Account.MemberCode };
        return Page();
    }

    public Task<IActionResult> OnPostAsync() => RunAsync(
        ct => admin.UpdateAsync(Id, new UserAdministration.UpdateRequest(Form.DisplayName ?? "", Form.Roles, Form.MemberCode), ct), "Users.Saved");

    public Task<IActionResult> OnPostDisableAsync() => RunAsync(ct => admin.SetDisabledAsync(Id, true, ct), "Users.DisabledDone");

    public Task<IActionResult> OnPostEnableAsync() => RunAsync(ct => admin.SetDisabledAsync(Id, false, ct), "Users.EnabledDone");

    public Task<IActionResult> OnPostResetLockoutAsync() => RunAsync(ct => admin.ResetLockoutAsync(Id, ct), "Users.LockoutReset");

    private async Task<IActionResult> RunAsync(Func<CancellationToken, Task> action, string doneKey)
    {
        try
        {
            await action(HttpContext.RequestAborted);
            TempData["Message"] = text[doneKey].Value;
            return RedirectToPage(new { id = Id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (CadreException ex)
        {
            ex.AddTo(ModelState, "Form");
        }
        if (!await LoadAsync()) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Account = await admin.GetAsync(Id, HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return false;
        }
        Choices = await UserFormChoices.LoadAsync(admin, HttpContext.RequestAborted);
        return true;
    }
}

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
public sealed class CreateModel(UserAdministration admin, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty]
    public UserForm Form { get; set; } = new();

    public UserFormChoices Choices { get; private set; } = new([], []);

    public async Task OnGetAsync() => Choices = await UserFormChoices.LoadAsync(admin, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var id = await admin.CreateAsync(new UserAdministration.CreateRequest(Form.Email ?? "", Form.DisplayName ?? "", Form.Roles, Form.MemberCode, Form.Password ?? ""), HttpContext.RequestAborted);
            TempData["Message"] = text["Users.CreatedDone", Form.Email ?? ""].Value;
            return RedirectToPage("/Admin/Users/Edit", new { id });
        }
        catch (CadreException ex)
        {
            ex.AddTo(ModelState, "Form");
        }
        Form.Password = null;
        Choices = await UserFormChoices.LoadAsync(admin, HttpContext.RequestAborted);
        return Page();
    }
}

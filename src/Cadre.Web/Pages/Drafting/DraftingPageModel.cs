using Cadre.Core.Drafting;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Pages.Drafting;

/// <summary>What every Drafting page needs on top of <see cref="CadrePageModel"/>: the actor's Drafting rights, and downloads.</summary>
public abstract class DraftingPageModel : CadrePageModel
{
    /// <summary>Chair or Planner: instruments, versions and compilations.</summary>
    public bool IsSecretariat => DraftingPermissions.IsSecretariat(Actor);

    /// <summary>A Delegate with a Member: may propose.</summary>
    public bool CanPropose => DraftingPermissions.CanPropose(Actor);

    /// <summary>A file download whose name is encoded per RFC 6266.</summary>
    protected FileContentResult Download(byte[] content, string contentType, string fileName) => File(content, contentType, fileName);
}

namespace Cadre.Web.Pages.Shared;

/// <summary>The model of the _Pager partial: the current page, the page count, and how to link to a page.</summary>
public sealed record PagerModel(int Page, int PageCount, int Total, Func<int, string> UrlFor);

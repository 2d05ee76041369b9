namespace Cadre.Core.Common;

/// <summary>One page of a longer list, with what is needed to draw the pager.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;

    public static (int Page, int PageSize) Clamp(int? page, int? pageSize, int defaultSize = 25, int maxSize = 200) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? defaultSize, 1, maxSize));
}

using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.Views.Paging;

/// <summary>The problems of a list's paging parameters, each a 400 with a stable code.</summary>
public static class PageErrors
{
    public static DomainError LimitOutOfRange(int limit) => DomainError.Invalid("page.limit-out-of-range",
        $"limit must be between 1 and {PageRequest.MaxLimit}; {limit} was sent.",
        $"limit 必须在 1 到 {PageRequest.MaxLimit} 之间；收到的是 {limit}。");

    public static DomainError CursorInvalid() => DomainError.Invalid("page.cursor-invalid",
        "The after cursor was not made by this list with this sort; start again without it.",
        "after 游标不属于此列表或此排序方式，请去掉后从头读取。");

    public static DomainError SortUnknown(string sort, IEnumerable<string> known) => DomainError.Invalid("page.sort-unknown",
        $"'{sort}' is not a sort of this list; use one of: {string.Join(", ", known)}.",
        $"此列表不支持排序方式“{sort}”；可用：{string.Join(", ", known)}。");
}

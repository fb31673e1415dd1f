namespace Collaboration.Api.Modules.Views.Paging;

/// <summary>A page of a list: its items, how many items the caller may see with these filters in all, and the cursor of the next page (null on the last).</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, long Total, string? Next);

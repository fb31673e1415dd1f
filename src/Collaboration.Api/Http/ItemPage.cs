namespace Collaboration.Api.Http;

/// <summary>A page of a list as answered over HTTP.</summary>
/// <param name="Items">This page's items, in the list's order.</param>
/// <param name="Total">How many items the caller may see with these filters in all.</param>
/// <param name="Next">The link to the next page (the same filters, sort and limit, after this page); null on the last page.</param>
public sealed record ItemPage<T>(IReadOnlyList<T> Items, long Total, string? Next);

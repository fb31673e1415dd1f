using Collaboration.Projections.Storage;

namespace Collaboration.Api.Live;

/// <summary>A page of what a caller may see, where the next page starts (null on the last), and how many the caller may see in all.</summary>
public sealed record VisiblePage<T>(IReadOnlyList<T> Items, ViewCursor? Next, long Total);

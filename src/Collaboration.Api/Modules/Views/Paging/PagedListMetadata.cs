namespace Collaboration.Api.Modules.Views.Paging;

/// <summary>Endpoint metadata: the list pages with these sorts; the OpenAPI document describes its paging parameters from it.</summary>
public sealed record PagedListMetadata(ListSorts Sorts);

public static class PagedListEndpoints
{
    /// <summary>Marks a list endpoint as paged with <paramref name="sorts"/>.</summary>
    public static RouteHandlerBuilder Pages(this RouteHandlerBuilder builder, ListSorts sorts)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new PagedListMetadata(sorts));
    }
}

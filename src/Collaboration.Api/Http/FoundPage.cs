using System.Reflection;
using Collaboration.Api.Modules.Views.Paging;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;

namespace Collaboration.Api.Http;

/// <summary>
/// 200 with a page of a list: the items, the total and the link to the next page, in the body and as
/// <c>Link: &lt;…&gt;; rel="next"</c>. The link repeats the request's own query with <c>after</c> set to the page's cursor.
/// </summary>
public sealed class FoundPage<T>(ListPage<T> page) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<ItemPage<T>>
{
    public ItemPage<T> Value => new(page.Items, page.Total, null);

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        string? next = null;
        if (page.Next is { } cursor)
        {
            var request = httpContext.Request;
            var query = request.Query.Where(q => !string.Equals(q.Key, "after", StringComparison.OrdinalIgnoreCase))
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                .Append(new KeyValuePair<string, string?>("after", cursor));
            next = QueryHelpers.AddQueryString($"{request.PathBase}{request.Path}", query);
            httpContext.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }

        return TypedResults.Ok(new ItemPage<T>(page.Items, page.Total, next)).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ItemPage<T>), ["application/json"]));
        builder.Metadata.Add(new ResponseHeaderMetadata(StatusCodes.Status200OK, "Link",
            "`<next page>; rel=\"next\"` while there is a next page (the same link as the body's `next`).", Required: false));
    }
}

using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Collaboration.Api.Http;

/// <summary>200 with what a query found; when the view is one stream's state, that stream's revision is the ETag.</summary>
public sealed class Found<T>(T value, long? revision) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<T>
{
    public T Value => value;

    public long? Revision => revision;

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (revision is { } known)
        {
            httpContext.Response.Headers.ETag = ETags.Format(known);
        }

        return TypedResults.Ok(value).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ResponseHeaderMetadata(StatusCodes.Status200OK, "ETag",
            "The stream revision, when the view is one item's state; send it back in If-Match to change that item.", Required: false));
    }
}

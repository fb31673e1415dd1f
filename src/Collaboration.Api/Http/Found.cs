using System.Reflection;
using Collaboration.Api.Application;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Collaboration.Api.Http;

/// <summary>
/// 200 with what a query found; when the view is one stream's state, that stream's revision is the ETag. A body prepared
/// ahead of time (<see cref="PreparedJson"/>) is written as it is, tagged by its bytes, and a GET whose
/// <c>If-None-Match</c> names that tag is answered 304 without it.
/// </summary>
public sealed class Found<T>(T value, long? revision, PreparedJson? json = null) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<T>
{
    public T Value => value;

    public long? Revision => revision;

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (revision is { } known)
        {
            httpContext.Response.Headers.ETag = ETags.Format(known);
        }

        return json is null || revision is not null ? TypedResults.Ok(value).ExecuteAsync(httpContext) : WritePreparedAsync(httpContext, json);
    }

    private static Task WritePreparedAsync(HttpContext httpContext, PreparedJson json)
    {
        var response = httpContext.Response;
        response.Headers.ETag = json.EntityTag;
        if (NoneMatchNames(httpContext.Request, json.EntityTag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Utf8.Length;
        return response.Body.WriteAsync(json.Utf8, httpContext.RequestAborted).AsTask();
    }

    // RFC 9110 13.1.2: only for GET and HEAD, "*" or any listed tag by weak comparison.
    private static bool NoneMatchNames(HttpRequest request, string entityTag)
    {
        if (request.Headers.IfNoneMatch.Count == 0 || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return false;
        }

        var ours = EntityTagHeaderValue.Parse(entityTag);
        return request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(ours, useStrongComparison: false));
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ResponseHeaderMetadata(StatusCodes.Status200OK, "ETag",
            "The stream revision, when the view is one item's state; send it back in If-Match to change that item. " +
            "For a body kept for every reader (memorandum progress), a tag of the body: send it in If-None-Match for a 304 while it is unchanged.", Required: false));
    }
}

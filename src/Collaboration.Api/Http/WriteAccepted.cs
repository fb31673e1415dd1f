using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Collaboration.Api.Http;

/// <summary>200 with the <see cref="WriteReceipt"/> of a write on an existing item, and its new revision as the ETag.</summary>
public sealed class WriteAccepted(WriteReceipt receipt) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<WriteReceipt>
{
    public WriteReceipt Value => receipt;

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = ETags.Format(receipt.Revision);
        return TypedResults.Ok(receipt).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(WriteReceipt), ["application/json"]));
        builder.Metadata.Add(new ResponseHeaderMetadata(StatusCodes.Status200OK, "ETag", ETags.WrittenDescription, Required: true));
    }
}

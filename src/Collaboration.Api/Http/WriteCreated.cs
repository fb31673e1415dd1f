using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Collaboration.Api.Http;

/// <summary>
/// 201 with the <see cref="WriteReceipt"/> of a write that created an item, its address as the Location and the
/// stream's new revision as the ETag. A replayed create answers the same, so a retrying client sees the first answer.
/// </summary>
public sealed class WriteCreated(WriteReceipt receipt, string location) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<WriteReceipt>
{
    public WriteReceipt Value => receipt;

    public string Location => location;

    public int? StatusCode => StatusCodes.Status201Created;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = ETags.Format(receipt.Revision);
        return TypedResults.Created(location, receipt).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(WriteReceipt), ["application/json"]));
        builder.Metadata.Add(new ResponseHeaderMetadata(StatusCodes.Status201Created, "Location", "The address of the created item.", Required: true));
        builder.Metadata.Add(new ResponseHeaderMetadata(StatusCodes.Status201Created, "ETag", ETags.WrittenDescription, Required: true));
    }
}

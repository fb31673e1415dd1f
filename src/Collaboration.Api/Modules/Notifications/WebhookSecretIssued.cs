using System.Reflection;
using Collaboration.Api.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// The answer that carries a webhook endpoint's signing secret: the only time the secret leaves the server. A replayed
/// request (same Idempotency-Key) answers the endpoint's current secret.
/// </summary>
/// <param name="Id">The endpoint's id.</param>
/// <param name="Revision">The endpoint stream's revision after the write (the ETag).</param>
/// <param name="Replayed">True when the request had been applied before (same Idempotency-Key).</param>
/// <param name="Secret">The secret to sign with: HMAC-SHA256 of the body under its UTF-8 bytes. Keep it; it is not shown again.</param>
public sealed record WebhookSecretReceipt(Guid Id, long Revision, bool Replayed, string Secret);

/// <summary>201: an endpoint was registered, at its Location, with its secret.</summary>
public sealed class WebhookRegistered(WebhookSecretReceipt receipt, string location) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<WebhookSecretReceipt>
{
    public WebhookSecretReceipt Value => receipt;

    public int? StatusCode => StatusCodes.Status201Created;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.ETag = ETags.Format(receipt.Revision);
        httpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created(location, receipt).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(WebhookSecretReceipt), ["application/json"]));
        builder.Metadata.Add(new ResponseHeaderMetadata(StatusCodes.Status201Created, "Location", "The address of the registered endpoint.", Required: true));
        builder.Metadata.Add(new ResponseHeaderMetadata(StatusCodes.Status201Created, "ETag", ETags.WrittenDescription, Required: true));
    }
}

/// <summary>200: the endpoint's secret was rotated; the new one.</summary>
public sealed class WebhookSecretRotatedResult(WebhookSecretReceipt receipt) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<WebhookSecretReceipt>
{
    public WebhookSecretReceipt Value => receipt;

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.ETag = ETags.Format(receipt.Revision);
        httpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(receipt).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(WebhookSecretReceipt), ["application/json"]));
        builder.Metadata.Add(new ResponseHeaderMetadata(StatusCodes.Status200OK, "ETag", ETags.WrittenDescription, Required: true));
    }
}

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Collaboration.Api.Http;

/// <summary>
/// Refuses oversized bodies up front with 413 problem details. Kestrel enforces the same limit while reading
/// (for chunked bodies); this makes the answer uniform on every server, the test host included. An endpoint that takes
/// uploads (the spreadsheet import) raises its own ceiling with <see cref="IRequestSizeLimitMetadata"/>.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, long maxBytes)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? maxBytes;
        if (context.Request.ContentLength > limit)
        {
            return ExceptionProblems.TooLarge().ExecuteAsync(context);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}

using Microsoft.AspNetCore.Http.Features;

namespace Collaboration.Api.Http;

/// <summary>
/// Refuses oversized bodies up front with 413 problem details. Kestrel enforces the same limit while reading
/// (for chunked bodies); this makes the answer uniform on every server, the test host included.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, long maxBytes)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return ExceptionProblems.TooLarge().ExecuteAsync(context);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        return next(context);
    }
}

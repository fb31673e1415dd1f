using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Net.Http.Headers;

namespace Collaboration.Api.Portal;

/// <summary>
/// A portal answer: the whole body is made first, so its hash is the <c>ETag</c> and a matching <c>If-None-Match</c>
/// answers 304 without a body. Pages are public and cheap to revalidate, so caches keep them a minute.
/// </summary>
public sealed class PortalResponse(byte[] body, string contentType, int status) : IResult
{
    /// <summary>How long a cache may reuse a page without asking: new publications show within this.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    public int Status => status;

    public static PortalResponse Text(string body, string contentType, int status = StatusCodes.Status200OK) =>
        new(Encoding.UTF8.GetBytes(body), contentType, status);

    /// <summary>A Razor component rendered to HTML on the server, statically: no circuit, no script, no interactivity.</summary>
    public static async Task<PortalResponse> PageAsync<TComponent>(HttpContext http, Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(http);
        await using var renderer = new HtmlRenderer(http.RequestServices, http.RequestServices.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return Text(html, "text/html; charset=utf-8", status);
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
        var headers = response.GetTypedHeaders();
        headers.CacheControl = status == StatusCodes.Status200OK
            ? new CacheControlHeaderValue { Public = true, MaxAge = MaxAge }
            : new CacheControlHeaderValue { NoCache = true };
        if (status == StatusCodes.Status200OK)
        {
            headers.ETag = etag;
            var ifNoneMatch = httpContext.Request.GetTypedHeaders().IfNoneMatch;
            if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}

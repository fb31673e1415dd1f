using Collaboration.Domain.Kernel;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Collaboration.Api.Http;

/// <summary>
/// The problems the framework answers by itself, before or instead of an endpoint: no route (404), a route value that
/// does not parse (404), a method the address does not support (405), no token (401), a refused policy (403). They get
/// the same <c>application/problem+json</c> shape as the API's own problems — a stable <c>code</c> and a bilingual
/// <c>message</c> — whatever the request's Accept header says.
/// </summary>
public static class StatusProblems
{
    public const string ApiPrefix = "/api";
    public const string RouteNotFound = "route.not-found";
    public const string RouteInvalidId = "route.invalid-id";

    /// <summary>Writes the problem for a response that ended with an error status and no body (status-code pages).</summary>
    public static Task WriteAsync(StatusCodeContext context, Func<StatusCodeContext, Task> otherwise)
    {
        var http = context.HttpContext;
        if (!http.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return otherwise(context);
        }

        var status = http.Response.StatusCode;
        var (code, message) = Describe(http, status);
        return Problems.Create(status, message.En!, code, message).ExecuteAsync(http);
    }

    /// <summary>Adds <c>code</c> and <c>message</c> to a problem the framework wrote without them.</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var (code, message) = Describe(context.HttpContext, status);
        problem.Type = $"https://collaboration.example/problems/{code}";
        problem.Title = message.En;
        problem.Detail ??= message.En;
        problem.Extensions["code"] = code;
        problem.Extensions["message"] = new Dictionary<string, string?> { ["zh"] = message.Zh, ["en"] = message.En };
    }

    /// <summary>The code and message for <paramref name="status"/> when nothing more specific said why.</summary>
    public static (string Code, BilingualText Message) Describe(HttpContext http, int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("request.invalid", new("请求无效。", "The request is invalid.")),
        StatusCodes.Status401Unauthorized => ("auth.unauthenticated", new("需要有效的访问令牌。", "A valid bearer token is required.")),
        StatusCodes.Status403Forbidden => ("access.forbidden", new("无权执行此操作。", "Your role may not perform this operation.")),
        StatusCodes.Status404NotFound when http.GetEndpoint() is null && NamesAnOperation(http) =>
            (RouteInvalidId, new("地址中的编号不是有效的编号（GUID）。", "An id in the address is not a valid id (a GUID).")),
        StatusCodes.Status404NotFound when http.GetEndpoint() is null =>
            (RouteNotFound, new("该地址没有对应的接口。", "No operation exists at this address.")),
        StatusCodes.Status404NotFound => ("resource.not-found", new("未找到该资源。", "The resource was not found.")),
        StatusCodes.Status405MethodNotAllowed => ("request.method-not-allowed", new("该地址不支持此请求方法。", "This address does not support the request method; see the Allow header.")),
        StatusCodes.Status406NotAcceptable => ("request.not-acceptable", new("无法以请求的格式应答。", "The response cannot be given in an accepted media type.")),
        StatusCodes.Status409Conflict => ("request.conflict", new("请求与当前状态冲突。", "The request conflicts with the current state.")),
        StatusCodes.Status412PreconditionFailed => ("request.precondition-failed", new("资源在您读取之后已被修改。", "The resource has changed since you read it (If-Match).")),
        StatusCodes.Status413PayloadTooLarge => ("request.too-large", new("请求体过大。", "The request body is too large.")),
        StatusCodes.Status415UnsupportedMediaType => ("request.unsupported-media-type", new("请求体须为 JSON（application/json）。", "The request body must be JSON (application/json).")),
        StatusCodes.Status422UnprocessableEntity => ("request.unprocessable", new("请求无法处理。", "The request cannot be processed.")),
        StatusCodes.Status429TooManyRequests => ("request.rate-limited", new("请求过于频繁，请稍后再试。", "Too many requests; retry after a second.")),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ("request.headers-too-large", new("请求头过大。", "The request headers are too large.")),
        >= 400 and < 500 => ("request.rejected", new("请求被拒绝。", "The request was rejected.")),
        _ => ("server.error", new("服务器内部错误。", "The server failed to answer the request.")),
    };

    /// <summary>
    /// True when the path has the shape of an API route (same literal segments, a value where the route has a
    /// parameter) although no endpoint matched: then a route value failed its constraint, e.g. an id that is no GUID.
    /// </summary>
    private static bool NamesAnOperation(HttpContext http)
    {
        var segments = (http.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var sources = http.RequestServices.GetServices<EndpointDataSource>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ApiPrefix, StringComparison.OrdinalIgnoreCase) == true)
            .Any(e => e.RoutePattern.Parameters.Count > 0 && Matches(e.RoutePattern, segments));
    }

    private static bool Matches(RoutePattern pattern, string[] segments)
    {
        if (pattern.PathSegments.Count != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var parts = pattern.PathSegments[i].Parts;
            if (parts is [RoutePatternLiteralPart literal] && !string.Equals(literal.Content, segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Text.Json;
using Collaboration.Domain.Kernel;
using Collaboration.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Collaboration.Api.Http;

/// <summary>
/// Turns request-reading failures (malformed JSON, wrong types, missing or unknown fields, oversized bodies, a body
/// that is not JSON) into problem details with the offending field, instead of an empty 400 or a 500.
/// </summary>
public sealed partial class ExceptionProblems(ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(),
            BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } unsupported => Problems.Create(
                StatusCodes.Status415UnsupportedMediaType, "The request body must be JSON.", "request.unsupported-media-type",
                new BilingualText("请求体须为 JSON（Content-Type: application/json）。", unsupported.Message)),
            BadHttpRequestException bad => Problems.Create(bad.StatusCode, "The request could not be read.", "request.unreadable",
                new BilingualText("无法读取请求。", bad.Message)),
            JsonException json => FromJson(json),
            // Sealing new personal data for an erased person is refused at the serialisation boundary, below the deciders.
            Audit.Privacy.PersonErasedException => Problems.Create(StatusCodes.Status409Conflict, "This person's personal data was erased.", "person.erased",
                new BilingualText("此人的个人信息已被删除，不能再次记录。", "This person's personal data was erased and cannot be recorded again.")),
            _ when StoreFaults.IsUnavailable(exception) => Unavailable(httpContext, exception),
            _ => null,
        };
        if (result is null)
        {
            Unhandled(logger, exception);
            return false;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>
    /// A storage fault (disk full, read-only or missing file, another process's lock): nothing was written and the same
    /// request may pass later, so 503 with Retry-After rather than a 500 (ADR 0017).
    /// </summary>
    private IResult Unavailable(HttpContext httpContext, Exception exception)
    {
        StoreUnavailable(logger, exception.Message);
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        return Problems.Create(StatusCodes.Status503ServiceUnavailable, "The store cannot take writes right now.", "store.unavailable",
            new BilingualText("存储暂时无法写入，未记录任何内容，请稍后重试。", "The store cannot take writes right now; nothing was recorded. Retry later."));
    }

    /// <summary>Seconds a client waits before retrying a write refused by a storage fault.</summary>
    public const string RetryAfterSeconds = "5";

    public static IResult TooLarge() => Problems.Create(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", "request.too-large",
        new BilingualText("请求体过大。", "The request body is too large."));

    private static IResult FromJson(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        var message = json.Message.Split(" Path:", 2)[0];
        return Problems.Validation(new Dictionary<string, string[]> { [field] = [$"{message} JSON 无效。"] });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write was refused with 503: the store is unavailable ({Reason})")]
    private static partial void StoreUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void Unhandled(ILogger logger, Exception exception);
}

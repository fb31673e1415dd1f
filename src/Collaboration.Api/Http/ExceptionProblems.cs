using System.Text.Json;
using Collaboration.Domain.Kernel;
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

    public static IResult TooLarge() => Problems.Create(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", "request.too-large",
        new BilingualText("请求体过大。", "The request body is too large."));

    private static IResult FromJson(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        var message = json.Message.Split(" Path:", 2)[0];
        return Problems.Validation(new Dictionary<string, string[]> { [field] = [$"{message} JSON 无效。"] });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void Unhandled(ILogger logger, Exception exception);
}

using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Collaboration.Api.Http;

/// <summary>
/// 200 with a text body in <typeparamref name="TFormat"/>: either a string, or written straight to the response so a
/// large export never sits in memory. The format is part of the type, so the document names the media type.
/// </summary>
public sealed class TextFile<TFormat> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
    where TFormat : ITextFormat
{
    private readonly Func<Stream, CancellationToken, Task>? _write;
    private readonly string? _fileName;

    /// <summary>A body written by <paramref name="write"/>; with a <paramref name="fileName"/>, offered as a download.</summary>
    public TextFile(Func<Stream, CancellationToken, Task> write, string? fileName = null)
    {
        _write = write;
        _fileName = fileName;
    }

    public TextFile(string text) => Text = text;

    /// <summary>The body, when it is a string (null when it is streamed).</summary>
    public string? Text { get; }

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (_write is null)
        {
            return TypedResults.Text(Text ?? string.Empty, TFormat.ContentType).ExecuteAsync(httpContext);
        }

        httpContext.Response.ContentType = TFormat.ContentType;
        if (_fileName is not null)
        {
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{_fileName}\"";
        }

        return _write(httpContext.Response.Body, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [TFormat.MediaType]));
}

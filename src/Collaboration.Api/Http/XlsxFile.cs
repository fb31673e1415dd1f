using System.Reflection;
using Collaboration.Api.Spreadsheets;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Collaboration.Api.Http;

/// <summary>200 with an .xlsx workbook offered as a download; the document names the media type as a binary body.</summary>
public sealed class XlsxFile(byte[] content, string fileName) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public byte[] Content => content;

    public string FileName => fileName;

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        // The name may be Chinese: filename* carries it in UTF-8, filename an ASCII fallback for old clients.
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        httpContext.Response.Headers.ContentDisposition = disposition.ToString();
        httpContext.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(content, XlsxWriter.ContentType).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        // Stream is what the document generator describes as "string, format binary".
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), [XlsxWriter.ContentType]));
        builder.Metadata.Add(new ResponseHeaderMetadata(StatusCodes.Status200OK, "Content-Disposition",
            "attachment, with the workbook's file name.", Required: true));
    }
}

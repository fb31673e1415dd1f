using System.Net.Http.Headers;
using System.Text;
using Collaboration.Api.Spreadsheets;
using Collaboration.Api.Tests.Spreadsheets;

namespace Collaboration.Api.Tests.Imports;

/// <summary>Uploads and builds import files the way an office worker would: fill the downloaded template and send it.</summary>
internal static class ImportUpload
{
    public static Task<HttpResponseMessage> PreviewAsync(HttpClient client, string kind, string fileName, byte[] content, string mediaType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        return client.PostAsync("/api/v1/imports/preview", form);
    }

    /// <summary>The downloaded .xlsx template's first sheet with <paramref name="rows"/> typed under its headers.</summary>
    public static async Task<byte[]> FilledXlsxAsync(HttpClient client, string kind, string lang, params IReadOnlyList<SheetCell>[] rows)
    {
        var template = WorkbookReader.Read(await client.GetByteArrayAsync($"/api/v1/imports/template?kind={kind}&lang={lang}"));
        var headers = template.Sheets[0].Rows[0];
        return XlsxWriter.Write([Sheet.Of(template.SheetNames[0], [.. headers], rows)]);
    }

    /// <summary>The downloaded CSV template's header line with <paramref name="rows"/> appended.</summary>
    public static async Task<byte[]> FilledCsvAsync(HttpClient client, string kind, string lang, params string[] rows)
    {
        var template = await client.GetByteArrayAsync($"/api/v1/imports/template.csv?kind={kind}&lang={lang}");
        var text = Encoding.UTF8.GetString(template) + string.Join("\r\n", rows) + "\r\n";
        return Encoding.UTF8.GetBytes(text);
    }
}

using Collaboration.Api.Spreadsheets;
using Collaboration.Api.Tests.Spreadsheets;

namespace Collaboration.Api.Tests.Visibility;

/// <summary>
/// A response body as text to scan for leaks: a workbook is zipped XML, so searching its bytes would find nothing;
/// its cells are read instead.
/// </summary>
public static class ResponseText
{
    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == XlsxWriter.ContentType)
        {
            return WorkbookReader.Read(await response.Content.ReadAsByteArrayAsync(cancellationToken)).AllText;
        }

        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}

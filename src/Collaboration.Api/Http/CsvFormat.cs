namespace Collaboration.Api.Http;

/// <summary>Comma-separated values, UTF-8.</summary>
public sealed class CsvFormat : ITextFormat
{
    public static string MediaType => "text/csv";

    public static string ContentType => "text/csv; charset=utf-8";
}

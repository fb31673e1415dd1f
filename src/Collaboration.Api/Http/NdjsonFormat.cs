namespace Collaboration.Api.Http;

/// <summary>Newline-delimited JSON: one JSON document per line, so a client can stream and resume.</summary>
public sealed class NdjsonFormat : ITextFormat
{
    public static string MediaType => "application/x-ndjson";

    public static string ContentType => MediaType;
}

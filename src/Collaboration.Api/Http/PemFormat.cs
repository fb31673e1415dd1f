namespace Collaboration.Api.Http;

/// <summary>A PEM-encoded key.</summary>
public sealed class PemFormat : ITextFormat
{
    public static string MediaType => "application/x-pem-file";

    public static string ContentType => MediaType;
}

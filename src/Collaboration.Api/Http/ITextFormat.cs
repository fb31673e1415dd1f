namespace Collaboration.Api.Http;

/// <summary>A text format an endpoint answers in: the media type the document names and the Content-Type sent.</summary>
public interface ITextFormat
{
    static abstract string MediaType { get; }

    static abstract string ContentType { get; }
}

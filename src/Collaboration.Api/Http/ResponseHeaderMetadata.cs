namespace Collaboration.Api.Http;

/// <summary>
/// Endpoint metadata: a header the response with <paramref name="StatusCode"/> carries. Added by the typed result that
/// sets the header, so the OpenAPI document names it (ASP.NET Core's response metadata has no place for headers).
/// </summary>
public sealed record ResponseHeaderMetadata(int StatusCode, string Name, string Description, bool Required);

namespace Collaboration.Api.Application;

/// <summary>
/// How a write arrived over HTTP: the <c>If-Match</c> revision the client last saw (becomes the expected
/// revision) and the <c>Idempotency-Key</c> (becomes the command id and seeds the event ids).
/// </summary>
public sealed record WriteOptions(long? IfMatch = null, string? IdempotencyKey = null, Guid? CorrelationId = null)
{
    public static WriteOptions None { get; } = new();
}

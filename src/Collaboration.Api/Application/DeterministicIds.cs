using System.Security.Cryptography;
using System.Text;

namespace Collaboration.Api.Application;

/// <summary>
/// Ids derived from an <c>Idempotency-Key</c>, so a retried request produces the same command id, the same new
/// aggregate id and the same event ids — and the store's unique event id turns the retry into a no-op.
/// </summary>
public static class DeterministicIds
{
    public static Guid CommandId(Caller caller, string idempotencyKey) => FromParts("command", caller.Id, idempotencyKey);

    public static Guid AggregateId(Guid commandId) => FromParts("aggregate", commandId.ToString("N"));

    /// <summary>One command may append to several streams (a reservation, then the aggregate): the stream is part of the id.</summary>
    public static Guid EventId(Guid commandId, string stream, int index) =>
        FromParts("event", commandId.ToString("N"), stream, index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Guid FromParts(params string[] parts)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)), hash);
        var bytes = hash[..16];
        // Mark as an RFC 9562 version 8 (custom) GUID so it never collides with random v4/v7 ids.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}

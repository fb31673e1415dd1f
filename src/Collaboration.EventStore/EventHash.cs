using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Collaboration.EventStore;

/// <summary>
/// The tamper-evident chain: hash(P) = SHA-256(hash(P-1) ‖ position ‖ stream ‖ revision ‖ type ‖ data ‖ metadata ‖
/// timestamp). Integers are big-endian 64-bit, every variable-length field is prefixed by its 32-bit big-endian
/// byte length (so no two different events encode to the same bytes), strings are UTF-8 and the timestamp is
/// in unix microseconds. The hash before position 1 is 32 zero bytes.
/// </summary>
public static class EventHash
{
    /// <summary>Length of a chain hash in bytes.</summary>
    public const int Size = 32;

    /// <summary>The link before the first event.</summary>
    public static ReadOnlyMemory<byte> Genesis { get; } = new byte[Size];

    /// <summary>Computes the chain hash of one event into <paramref name="destination"/> (32 bytes).</summary>
    public static void Compute(
        ReadOnlySpan<byte> previousHash,
        long position,
        string stream,
        long revision,
        string type,
        ReadOnlySpan<byte> data,
        ReadOnlySpan<byte> metadata,
        long timestampMicroseconds,
        Span<byte> destination)
    {
        if (previousHash.Length != Size)
        {
            throw new ArgumentException($"The previous hash must be {Size} bytes.", nameof(previousHash));
        }

        var streamLength = Encoding.UTF8.GetByteCount(stream);
        var typeLength = Encoding.UTF8.GetByteCount(type);
        var length = Size + 8 + 4 + streamLength + 8 + 4 + typeLength + 4 + data.Length + 4 + metadata.Length + 8;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var buffer = rented.AsSpan(0, length);
            var at = 0;
            previousHash.CopyTo(buffer);
            at += Size;
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], position);
            at += 8;
            BinaryPrimitives.WriteInt32BigEndian(buffer[at..], streamLength);
            at += 4;
            at += Encoding.UTF8.GetBytes(stream, buffer[at..]);
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], revision);
            at += 8;
            BinaryPrimitives.WriteInt32BigEndian(buffer[at..], typeLength);
            at += 4;
            at += Encoding.UTF8.GetBytes(type, buffer[at..]);
            BinaryPrimitives.WriteInt32BigEndian(buffer[at..], data.Length);
            at += 4;
            data.CopyTo(buffer[at..]);
            at += data.Length;
            BinaryPrimitives.WriteInt32BigEndian(buffer[at..], metadata.Length);
            at += 4;
            metadata.CopyTo(buffer[at..]);
            at += metadata.Length;
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], timestampMicroseconds);
            SHA256.HashData(buffer, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Computes the chain hash of one event.</summary>
    public static byte[] Compute(
        ReadOnlySpan<byte> previousHash,
        long position,
        string stream,
        long revision,
        string type,
        ReadOnlySpan<byte> data,
        ReadOnlySpan<byte> metadata,
        long timestampMicroseconds)
    {
        var hash = new byte[Size];
        Compute(previousHash, position, stream, revision, type, data, metadata, timestampMicroseconds, hash);
        return hash;
    }

    /// <summary>Recomputes what the hash of a recorded event should be, given its predecessor's hash.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> previousHash, RecordedEvent recorded) =>
        Compute(
            previousHash,
            recorded.Position,
            recorded.Stream,
            recorded.Revision,
            recorded.Type,
            recorded.Data.Span,
            recorded.MetadataJson.Span,
            ToUnixMicroseconds(recorded.Timestamp));

    /// <summary>The stored form of a timestamp: microseconds since the unix epoch (sub-microsecond ticks dropped).</summary>
    public static long ToUnixMicroseconds(DateTimeOffset timestamp) =>
        (timestamp.UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    /// <summary>The timestamp for a stored unix-microseconds value, in UTC.</summary>
    public static DateTimeOffset FromUnixMicroseconds(long microseconds) =>
        new(DateTime.UnixEpoch.Ticks + (microseconds * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
}

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

        // The input is built in one buffer without allocating: on the stack for the usual event of a few hundred
        // bytes, rented above that. Strings are encoded once, straight after the room left for their length prefix,
        // into room for their longest possible encoding (no separate counting pass).
        var length = Size + 8 + 4 + Encoding.UTF8.GetMaxByteCount(stream.Length) + 8 + 4
            + Encoding.UTF8.GetMaxByteCount(type.Length) + 4 + data.Length + 4 + metadata.Length + 8;
        byte[]? rented = null;
        Span<byte> buffer = length <= MaxStackInput
            ? stackalloc byte[MaxStackInput]
            : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var at = 0;
            previousHash.CopyTo(buffer);
            at += Size;
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], position);
            at += 8;
            at += WritePrefixed(buffer[at..], stream);
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], revision);
            at += 8;
            at += WritePrefixed(buffer[at..], type);
            BinaryPrimitives.WriteInt32BigEndian(buffer[at..], data.Length);
            at += 4;
            data.CopyTo(buffer[at..]);
            at += data.Length;
            BinaryPrimitives.WriteInt32BigEndian(buffer[at..], metadata.Length);
            at += 4;
            metadata.CopyTo(buffer[at..]);
            at += metadata.Length;
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], timestampMicroseconds);
            at += 8;
            SHA256.HashData(buffer[..at], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // Inputs up to this size are built on the stack (an event of the usual size is well under it).
    private const int MaxStackInput = 1024;

    /// <summary>Writes the UTF-8 bytes of <paramref name="value"/> after their 32-bit big-endian length; returns the bytes written.</summary>
    private static int WritePrefixed(Span<byte> destination, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteInt32BigEndian(destination, written);
        return 4 + written;
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

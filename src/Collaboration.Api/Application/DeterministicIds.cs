using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Collaboration.Api.Application;

/// <summary>
/// Ids derived from an <c>Idempotency-Key</c>, so a retried request produces the same command id, the same new
/// aggregate id and the same event ids — and the store's unique event id turns the retry into a no-op.
/// </summary>
/// <remarks>
/// Each id is the first 128 bits of the SHA-256 of its parts' UTF-8 joined by U+001F; the event of a command without
/// Idempotency-Key then takes the command's time as its first six bytes (<see cref="EventId"/>). The id of every event
/// of every command is derived here, so the input is written into one buffer on the stack rather than built as strings
/// (ADR 0028): the bytes hashed, and so the ids, are those the string form gave, which a retry that spans an upgrade
/// relies on.
/// </remarks>
public static class DeterministicIds
{
    private const byte Separator = 0x1F;

    private const int StackLimit = 512;

    public static Guid CommandId(Caller caller, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var length = "command".Length + 2 + Encoding.UTF8.GetByteCount(caller.Id) + Encoding.UTF8.GetByteCount(idempotencyKey);
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = 0;
            Append(buffer, ref written, "command"u8);
            written += Encoding.UTF8.GetBytes(caller.Id, buffer[written..]);
            buffer[written++] = Separator;
            written += Encoding.UTF8.GetBytes(idempotencyKey, buffer[written..]);
            return FromBytes(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static Guid AggregateId(Guid commandId)
    {
        Span<byte> buffer = stackalloc byte[64];
        var written = 0;
        Append(buffer, ref written, "aggregate"u8);
        written += WriteN(commandId, buffer[written..]);
        return FromBytes(buffer[..written]);
    }

    /// <summary>
    /// One command may append to several streams (a reservation, then the aggregate): the stream is part of the id.
    /// The event of a command that carries its time (a version 7 command id: a request without Idempotency-Key) also
    /// begins with that time (ADR 0033).
    /// </summary>
    public static Guid EventId(Guid commandId, string stream, int index)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // "event", the command id (32), the index (at most 11) and three separators.
        var length = 51 + Encoding.UTF8.GetByteCount(stream);
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = 0;
            Append(buffer, ref written, "event"u8);
            written += WriteN(commandId, buffer[written..]);
            buffer[written++] = Separator;
            written += Encoding.UTF8.GetBytes(stream, buffer[written..]);
            buffer[written++] = Separator;
            if (!index.TryFormat(buffer[written..], out var digits, default, CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException("The event index did not fit its buffer.");
            }

            return FromBytes(buffer[..(written + digits)], commandId.Version == 7 ? commandId : null);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // Writes a leading part and its separator.
    private static void Append(Span<byte> buffer, ref int written, ReadOnlySpan<byte> part)
    {
        part.CopyTo(buffer[written..]);
        written += part.Length;
        buffer[written++] = Separator;
    }

    private static int WriteN(Guid id, Span<byte> buffer) =>
        id.TryFormat(buffer, out var written, "N") ? written : throw new InvalidOperationException("A GUID did not fit its buffer.");

    // With a time source, its first six (big-endian) bytes replace the hash's: the log's unique index on event ids then
    // takes a group commit's ids at its end, where hashed ids dirtied a page of it per event (ADR 0033). Only a fresh
    // command's events get one: an idempotent command's id is a hash that a retry must derive again, so its events keep
    // the plain hash. The version and variant bits are set after, so they stay version 8.
    private static Guid FromBytes(ReadOnlySpan<byte> input, Guid? timeOf = null)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        var bytes = hash[..16];
        if (timeOf is { } source)
        {
            // The hash's second half is not part of the id: the source is written there and its time copied over.
            source.TryWriteBytes(hash[16..], bigEndian: true, out _);
            hash.Slice(16, 6).CopyTo(bytes);
        }

        // Mark as an RFC 9562 version 8 (custom) GUID so it never collides with random v4/v7 ids.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}

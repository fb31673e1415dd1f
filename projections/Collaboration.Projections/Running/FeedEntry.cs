using System.Globalization;
using Collaboration.EventStore;

namespace Collaboration.Projections.Running;

/// <summary>
/// One entry of a feed (the activity feed): what happened (the event's wire name) to which aggregate, and when.
/// Rendered from the log itself; a feed stores only the position and who may see it.
/// </summary>
public sealed record FeedEntry(long Position, DateTimeOffset RecordedAt, string Type, string Kind, Guid Subject, string Stream)
{
    /// <summary>Aggregate streams are named <c>{kind}-{id}</c> (<c>talent-case-…</c>); anything else is its own kind.</summary>
    public static FeedEntry Of(long position, DateTimeOffset recordedAt, string type, string stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        const int GuidLength = 36;
        return stream.Length > GuidLength + 1 && stream[^(GuidLength + 1)] == '-' && Guid.TryParseExact(stream.AsSpan(stream.Length - GuidLength), "D", out var subject)
            ? new(position, recordedAt, type, stream[..^(GuidLength + 1)], subject, stream)
            : new(position, recordedAt, type, stream, Guid.Empty, stream);
    }

    public static FeedEntry Of(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return Of(recorded.Position, recorded.Timestamp, recorded.Type, recorded.Stream);
    }

    /// <summary>The entry's key among a view's documents: the zero-padded position, so keys sort like positions.</summary>
    public static string KeyOf(long position) => position.ToString("D12", CultureInfo.InvariantCulture);
}

using Collaboration.EventStore;

namespace Collaboration.Audit;

/// <summary>
/// A moment in a stream's life: after a revision, or as of a timestamp (the events stamped at or before it). Exactly
/// one of the two is set; neither means "now".
/// </summary>
public readonly record struct Moment(DateTimeOffset? At, long? Revision)
{
    public static Moment Now => default;

    public bool Includes(RecordedEvent e) =>
        (At is not { } at || e.Timestamp <= at) && (Revision is not { } revision || e.Revision <= revision);
}

namespace Collaboration.EventStore;

/// <summary>
/// Thrown by readers of $all when a position is missing: the log must be dense, so a gap means the storage was
/// damaged or written by something other than the store.
/// </summary>
public sealed class LogGapException(long expectedPosition, long actualPosition)
    : Exception($"The log has a gap: expected position {expectedPosition} but read {actualPosition}.")
{
    /// <summary>The position that should have come next.</summary>
    public long ExpectedPosition { get; } = expectedPosition;

    /// <summary>The position that was read instead.</summary>
    public long ActualPosition { get; } = actualPosition;
}

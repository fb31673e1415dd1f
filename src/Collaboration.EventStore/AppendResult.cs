namespace Collaboration.EventStore;

/// <summary>
/// The outcome of an append: either the events are in the log (<see cref="Appended"/>) or the stream was not in
/// the expected state (<see cref="WrongExpectedRevision"/>). Closed: no other cases exist.
/// </summary>
public abstract record AppendResult
{
    private AppendResult()
    {
    }

    /// <summary>The events are durably in the log at these revisions and positions.</summary>
    /// <param name="Stream">The stream appended to.</param>
    /// <param name="FirstRevision">Revision of the first event of the append.</param>
    /// <param name="LastRevision">Revision of the last event; use it as the next expected revision.</param>
    /// <param name="FirstPosition">Global position of the first event.</param>
    /// <param name="LastPosition">Global position of the last event.</param>
    /// <param name="WasIdempotentReplay">True when these event ids were already in the stream and nothing was written.</param>
    public sealed record Appended(
        string Stream,
        long FirstRevision,
        long LastRevision,
        long FirstPosition,
        long LastPosition,
        bool WasIdempotentReplay) : AppendResult;

    /// <summary>Nothing was written because the stream was not in the expected state.</summary>
    /// <param name="Stream">The stream appended to.</param>
    /// <param name="Expected">What the caller expected.</param>
    /// <param name="ActualRevision">The stream's last revision; null when the stream does not exist.</param>
    public sealed record WrongExpectedRevision(string Stream, ExpectedRevision Expected, long? ActualRevision) : AppendResult;
}

namespace Collaboration.EventStore;

/// <summary>
/// Whether <c>stream_index</c> and <c>stream_tail</c> hold exactly one entry per event of the log, with the event's
/// stream and revision (ADR 0010, the SQLite store). The index is derived from the log and outside the hash chain, so it is checked
/// against the log rather than trusted.
/// </summary>
/// <param name="Events">Events in the log (its head position: the log is dense).</param>
/// <param name="Entries">Entries in the stream index and tail together.</param>
/// <param name="FirstBadPosition">The first position found without its entry or named by a wrong one; null when none.</param>
/// <param name="Reason">What is wrong, for people; null when consistent.</param>
public sealed record StreamIndexCheck(long Events, long Entries, long? FirstBadPosition, string? Reason)
{
    /// <summary>True when every event has exactly its entry and there is no other.</summary>
    public bool IsConsistent => Reason is null;
}

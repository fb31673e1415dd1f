namespace Collaboration.EventStore;

/// <summary>The order in which a stream is read.</summary>
public enum ReadDirection
{
    /// <summary>Oldest first.</summary>
    Forwards = 0,

    /// <summary>Newest first.</summary>
    Backwards = 1,
}

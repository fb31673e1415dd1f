namespace Collaboration.EventStore;

/// <summary>The last position of the log and its chain hash (32 zero bytes and position 0 for an empty log).</summary>
/// <param name="Position">The head position.</param>
/// <param name="Hash">The chain hash at that position.</param>
public readonly record struct ChainHead(long Position, ReadOnlyMemory<byte> Hash);

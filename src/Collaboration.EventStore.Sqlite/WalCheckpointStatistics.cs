namespace Collaboration.EventStore.Sqlite;

/// <summary>The background checkpoints completed so far and the WAL's size in frames at the last of them.</summary>
public readonly record struct WalCheckpointStatistics(long Checkpoints, long LastWalFrames);

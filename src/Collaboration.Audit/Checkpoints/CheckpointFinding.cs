namespace Collaboration.Audit.Checkpoints;

/// <summary>What checking the log against a checkpoint found.</summary>
public enum CheckpointFinding
{
    Valid = 0,
    SignatureInvalid = 1,
    LogTruncated = 2,
    ChainBroken = 3,
    RewrittenBeforeCheckpoint = 4,
}

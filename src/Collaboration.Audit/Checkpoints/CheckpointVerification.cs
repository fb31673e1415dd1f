namespace Collaboration.Audit.Checkpoints;

/// <summary>The outcome of checking a checkpoint.</summary>
public sealed record CheckpointVerification(bool IsValid, CheckpointFinding Finding, long? FirstBadPosition, string? Detail);

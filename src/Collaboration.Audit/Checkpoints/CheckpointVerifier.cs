using Collaboration.EventStore;

namespace Collaboration.Audit.Checkpoints;

/// <summary>
/// Verifies the log against a checkpoint kept earlier: the signature, then the chain over 1..position from stored
/// bytes, then that the recomputed head at that position is the checkpoint's hash, then the rest of the chain.
/// A byte changed anywhere is found at its position; a log rewritten and re-chained passes the first step but not
/// the comparison with the checkpoint.
/// </summary>
public static class CheckpointVerifier
{
    public static async Task<CheckpointVerification> VerifyAsync(
        IEventStore store, CheckpointSigner signer, AuditCheckpoint checkpoint, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!signer.HasValidSignature(checkpoint))
        {
            return new(false, CheckpointFinding.SignatureInvalid, null, "The checkpoint's signature does not verify with this system's audit key.");
        }

        var head = await store.ReadHeadPositionAsync(ct);
        if (head < checkpoint.Position)
        {
            return new(false, CheckpointFinding.LogTruncated, head + 1, $"The log ends at {head}, before the checkpoint's position {checkpoint.Position}.");
        }

        var chain = await store.VerifyAsync(1, checkpoint.Position, progress, ct);
        if (!chain.IsValid)
        {
            return new(false, CheckpointFinding.ChainBroken, chain.FirstBadPosition, chain.Reason);
        }

        if (!string.Equals(Convert.ToHexStringLower(chain.LastHash.Span), checkpoint.Hash, StringComparison.OrdinalIgnoreCase))
        {
            return new(false, CheckpointFinding.RewrittenBeforeCheckpoint, checkpoint.Position,
                $"The chain is internally consistent but its hash at {checkpoint.Position} differs from the checkpoint: the log was rewritten at or before that position.");
        }

        var rest = await store.VerifyAsync(checkpoint.Position + 1, null, progress, ct);
        return rest.IsValid
            ? new(true, CheckpointFinding.Valid, null, $"Positions 1..{rest.CheckedTo} verify and match the checkpoint at {checkpoint.Position}.")
            : new(false, CheckpointFinding.ChainBroken, rest.FirstBadPosition, rest.Reason);
    }
}

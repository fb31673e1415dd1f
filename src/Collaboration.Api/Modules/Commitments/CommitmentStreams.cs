using Collaboration.Api.Application;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>
/// Loads what commitment requests need from the log: the commitment's own stream, and the snapshot of the memorandum
/// it belongs to (commands carry memorandum facts; no decider reads another stream).
/// </summary>
public sealed class CommitmentStreams(StreamExecutor executor)
{
    public async Task<ExistingCommitment?> CommitmentAsync(CommitmentId id, CancellationToken cancellationToken)
    {
        var loaded = await executor.LoadAsync<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>(
            CommitmentDecider.StreamName(id), cancellationToken);
        return loaded.State as ExistingCommitment;
    }

    public async Task<MemorandumSnapshot?> MemorandumAsync(MemorandumId id, CancellationToken cancellationToken)
    {
        var loaded = await executor.LoadAsync<MemorandumDecider, MemorandumState, IMemorandumCommand, IMemorandumEvent>(
            MemorandumDecider.StreamName(id), cancellationToken);
        return MemorandumDecider.Snapshot(loaded.State);
    }

    /// <summary>
    /// Runs a command on an existing commitment with its memorandum's current snapshot. The snapshot is read once,
    /// before the commitment's own load-decide-append loop: the memorandum is another stream, so its facts can only
    /// ever be as fresh as this read (a suspension a moment later applies to the next command).
    /// </summary>
    public async Task<CommandOutcome> ExecuteWithMemorandumAsync(
        CommitmentId id,
        Guid receiptId,
        Func<MemorandumSnapshot, ICommitmentCommand> command,
        Caller caller,
        WriteOptions options,
        CancellationToken cancellationToken)
    {
        if (await CommitmentAsync(id, cancellationToken) is not { } existing)
        {
            return CommandOutcome.Missing();
        }

        if (await MemorandumAsync(existing.File.Memorandum, cancellationToken) is not { } memorandum)
        {
            return new CommandOutcome.Rejected(CommitmentApiErrors.MemorandumNotFound);
        }

        return await ExecuteAsync(id, receiptId, _ => command(memorandum), caller, options, cancellationToken);
    }

    /// <summary>Runs a command on an existing commitment (404 when the stream is empty).</summary>
    public Task<CommandOutcome> ExecuteAsync(
        CommitmentId id,
        Guid receiptId,
        Func<CommitmentState, ICommitmentCommand> command,
        Caller caller,
        WriteOptions options,
        CancellationToken cancellationToken) =>
        executor.ExecuteAsync<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>(
            receiptId, CommitmentDecider.StreamName(id), StreamIntent.Update, command, caller, options, cancellationToken);

    /// <summary>
    /// Partner scoping for a commitment: a partner that is not a party to its memorandum is told it does not exist
    /// (404, nothing leaks); a party may read; only the owner organisation may write. Other roles pass (their role list
    /// already decided).
    /// </summary>
    public async ValueTask<Access> PartnerAccessAsync(Caller caller, CommitmentId id, bool write, CancellationToken cancellationToken)
    {
        if (caller.Role != CallerRole.Partner || caller.Organisation is not { } organisation)
        {
            return Access.Allowed;
        }

        if (await CommitmentAsync(id, cancellationToken) is not { } existing
            || await MemorandumAsync(existing.File.Memorandum, cancellationToken) is not { } memorandum
            || !memorandum.Parties.Contains(organisation))
        {
            return Access.Hidden;
        }

        return write && existing.File.Owner != organisation ? Access.Denied : Access.Allowed;
    }
}

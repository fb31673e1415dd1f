using Collaboration.Api.Application;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>Completing moves the memorandum's roll-up, so it is the office's call; no body.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record CompleteCommitmentRequest(Caller Caller, WriteOptions Options, CommitmentId Commitment) : ICommitmentWrite;

public sealed class CompleteCommitmentHandler(CommitmentStreams streams, TimeProvider time) : ICommandHandler<CompleteCommitmentRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(CompleteCommitmentRequest request, CancellationToken cancellationToken) =>
        new(streams.ExecuteWithMemorandumAsync(
            request.Commitment,
            request.Commitment.Value,
            memorandum => new CompleteCommitment(request.Commitment, memorandum, request.Caller.ToActor(), time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

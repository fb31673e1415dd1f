using Collaboration.Api.Application;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>Accepting is the office's judgement on a proposal; no body.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record AcceptCommitmentRequest(Caller Caller, WriteOptions Options, CommitmentId Commitment) : ICommitmentWrite;

public sealed class AcceptCommitmentHandler(CommitmentStreams streams, TimeProvider time) : ICommandHandler<AcceptCommitmentRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(AcceptCommitmentRequest request, CancellationToken cancellationToken) =>
        new(streams.ExecuteWithMemorandumAsync(
            request.Commitment,
            request.Commitment.Value,
            memorandum => new AcceptCommitment(request.Commitment, memorandum, request.Caller.ToActor(), time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

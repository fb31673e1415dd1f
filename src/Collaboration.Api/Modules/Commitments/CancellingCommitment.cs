using Collaboration.Api.Application;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>Body of <c>POST /api/v1/commitments/{id}/cancel</c>.</summary>
/// <param name="Reason">Why the commitment is cancelled, in Chinese and English.</param>
public sealed record CancelCommitmentBody(BilingualText Reason);

/// <summary>No memorandum snapshot: cancelling must stay possible when the memorandum is suspended or terminated.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record CancelCommitmentRequest(Caller Caller, WriteOptions Options, CommitmentId Commitment, CancelCommitmentBody Body) : ICommitmentWrite;

public sealed class CancelCommitmentValidator : IValidator<CancelCommitmentRequest>
{
    public void Validate(CancelCommitmentRequest request, ValidationErrors errors) =>
        errors.MaxLength("reason.zh", request.Body.Reason.Zh, 1000).MaxLength("reason.en", request.Body.Reason.En, 1000);
}

public sealed class CancelCommitmentHandler(CommitmentStreams streams, TimeProvider time) : ICommandHandler<CancelCommitmentRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(CancelCommitmentRequest request, CancellationToken cancellationToken) =>
        new(streams.ExecuteAsync(
            request.Commitment,
            request.Commitment.Value,
            _ => new CancelCommitment(request.Commitment, request.Body.Reason, request.Caller.ToActor(), time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

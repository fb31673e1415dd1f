using Collaboration.Api.Application;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>Marks a milestone done; no body. Done is final, and its share becomes a floor for approved progress.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Partner)]
public sealed record CompleteMilestoneRequest(Caller Caller, WriteOptions Options, CommitmentId Commitment, MilestoneId Milestone) : ICommitmentWrite;

public sealed class CompleteMilestoneHandler(CommitmentStreams streams, TimeProvider time) : ICommandHandler<CompleteMilestoneRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(CompleteMilestoneRequest request, CancellationToken cancellationToken) =>
        new(streams.ExecuteWithMemorandumAsync(
            request.Commitment,
            request.Milestone.Value,
            memorandum => new CompleteMilestone(request.Commitment, request.Milestone, memorandum, request.Caller.ToActor(), time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

using Collaboration.Api.Application;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>Body of <c>POST /api/v1/commitments/{id}/milestones/{milestoneId}/reschedule</c>.</summary>
/// <param name="NewDueDate">A different date, between today (Shanghai) and the commitment's due date.</param>
/// <param name="Reason">Why it moves, in Chinese and English (kept for the audit trail).</param>
public sealed record RescheduleMilestoneBody(DateOnly NewDueDate, BilingualText Reason);

[AllowedRoles(CallerRole.Office, CallerRole.Partner)]
public sealed record RescheduleMilestoneRequest(Caller Caller, WriteOptions Options, CommitmentId Commitment, MilestoneId Milestone, RescheduleMilestoneBody Body)
    : ICommitmentWrite;

public sealed class RescheduleMilestoneValidator : IValidator<RescheduleMilestoneRequest>
{
    public void Validate(RescheduleMilestoneRequest request, ValidationErrors errors) =>
        errors.MaxLength("reason.zh", request.Body.Reason.Zh, 1000).MaxLength("reason.en", request.Body.Reason.En, 1000);
}

public sealed class RescheduleMilestoneHandler(CommitmentStreams streams, TimeProvider time) : ICommandHandler<RescheduleMilestoneRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(RescheduleMilestoneRequest request, CancellationToken cancellationToken) =>
        new(streams.ExecuteWithMemorandumAsync(
            request.Commitment,
            request.Milestone.Value,
            memorandum => new RescheduleMilestone(
                request.Commitment, request.Milestone, request.Body.NewDueDate, request.Body.Reason,
                memorandum, request.Caller.ToActor(), time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

using Collaboration.Api.Application;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>Body of <c>POST /api/v1/commitments/{id}/milestones</c>.</summary>
/// <param name="Title">The step, in Chinese and English.</param>
/// <param name="DueDate">Between today (Shanghai) and the commitment's due date.</param>
/// <param name="Share">Percent of the commitment (0–100]; all milestones together at most 100.</param>
public sealed record AddMilestoneBody(BilingualText Title, DateOnly DueDate, decimal Share);

/// <summary>The new milestone's id comes from the server (derived from the Idempotency-Key when there is one).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Partner)]
public sealed record AddMilestoneRequest(Caller Caller, WriteOptions Options, CommitmentId Commitment, MilestoneId Milestone, AddMilestoneBody Body)
    : ICommitmentWrite;

public sealed class AddMilestoneValidator : IValidator<AddMilestoneRequest>
{
    public void Validate(AddMilestoneRequest request, ValidationErrors errors)
    {
        errors.MaxLength("title.zh", request.Body.Title.Zh, 300).MaxLength("title.en", request.Body.Title.En, 300);
        errors.Range("share", request.Body.Share, 0m, 100m);
    }
}

public sealed class AddMilestoneHandler(CommitmentStreams streams, TimeProvider time) : ICommandHandler<AddMilestoneRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(AddMilestoneRequest request, CancellationToken cancellationToken) =>
        new(streams.ExecuteWithMemorandumAsync(
            request.Commitment,
            request.Milestone.Value,
            memorandum => new AddMilestone(
                request.Commitment, request.Milestone, request.Body.Title, request.Body.DueDate, request.Body.Share,
                memorandum, request.Caller.ToActor(), time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

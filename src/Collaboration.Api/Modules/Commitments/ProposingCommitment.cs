using Collaboration.Api.Application;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>Body of <c>POST /api/v1/commitments</c>.</summary>
/// <param name="Memorandum">The signed memorandum the commitment is made under.</param>
/// <param name="FocusArea">One of the memorandum's focus areas.</param>
/// <param name="Owner">The responsible party (a partner of the memorandum); a partner user may only propose for its own organisation.</param>
/// <param name="Description">What is undertaken, in Chinese and English.</param>
/// <param name="DueDate">Completion deadline (yyyy-MM-dd), within the memorandum's term and not before today (Shanghai).</param>
/// <param name="Weight">Share of the memorandum's weighted roll-up; greater than zero.</param>
public sealed record ProposeCommitmentBody(
    MemorandumId Memorandum,
    FocusArea FocusArea,
    PartnerId Owner,
    BilingualText Description,
    DateOnly DueDate,
    decimal Weight);

[AllowedRoles(CallerRole.Office, CallerRole.Partner)]
public sealed record ProposeCommitmentRequest(Caller Caller, WriteOptions Options, CommitmentId Commitment, ProposeCommitmentBody Body) : IWrite;

public sealed class ProposeCommitmentValidator : IValidator<ProposeCommitmentRequest>
{
    public void Validate(ProposeCommitmentRequest request, ValidationErrors errors)
    {
        errors.MaxLength("description.zh", request.Body.Description.Zh, 2000).MaxLength("description.en", request.Body.Description.En, 2000);
        errors.Range("weight", request.Body.Weight, 0m, 1000m);
    }
}

/// <summary>
/// A partner proposes only under memoranda it is party to (otherwise the memorandum is as good as absent: 404) and
/// only for its own organisation (403).
/// </summary>
public sealed class ProposeCommitmentAccess(CommitmentStreams streams) : IAccessRule<ProposeCommitmentRequest>
{
    public async ValueTask<Access> CheckAsync(ProposeCommitmentRequest request, CancellationToken cancellationToken)
    {
        if (request.Caller.Role != CallerRole.Partner || request.Caller.Organisation is not { } organisation)
        {
            return Access.Allowed;
        }

        if (await streams.MemorandumAsync(request.Body.Memorandum, cancellationToken) is not { } memorandum
            || !memorandum.Parties.Contains(organisation))
        {
            return Access.Hidden;
        }

        return request.Body.Owner == organisation ? Access.Allowed : Access.Denied;
    }
}

public sealed class ProposeCommitmentHandler(StreamExecutor executor, CommitmentStreams streams, TimeProvider time)
    : ICommandHandler<ProposeCommitmentRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(ProposeCommitmentRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        if (await streams.MemorandumAsync(body.Memorandum, cancellationToken) is not { } memorandum)
        {
            return new CommandOutcome.Rejected(CommitmentApiErrors.MemorandumNotFound);
        }

        var command = new ProposeCommitment(
            request.Commitment, memorandum, body.FocusArea, body.Owner, body.Description, body.DueDate, body.Weight,
            request.Caller.ToActor(), time.GetUtcNow());
        return await executor.ExecuteAsync<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>(
            request.Commitment.Value,
            CommitmentDecider.StreamName(request.Commitment),
            StreamIntent.Create,
            _ => command,
            request.Caller,
            request.Options,
            cancellationToken);
    }
}

using Collaboration.Api.Application;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>Body of <c>POST /api/v1/commitments/{id}/progress-reports/{reportId}/return</c>.</summary>
/// <param name="Reason">Why the report goes back to the partner, in Chinese and English.</param>
public sealed record ReturnProgressReportBody(BilingualText Reason);

/// <summary>No memorandum snapshot: sending a report back is not progress, so it stays possible on a suspended memorandum.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record ReturnProgressReportRequest(Caller Caller, WriteOptions Options, CommitmentId Commitment, ProgressReportId Report, ReturnProgressReportBody Body)
    : ICommitmentWrite;

public sealed class ReturnProgressReportValidator : IValidator<ReturnProgressReportRequest>
{
    public void Validate(ReturnProgressReportRequest request, ValidationErrors errors) =>
        errors.MaxLength("reason.zh", request.Body.Reason.Zh, 1000).MaxLength("reason.en", request.Body.Reason.En, 1000);
}

public sealed class ReturnProgressReportHandler(CommitmentStreams streams, TimeProvider time) : ICommandHandler<ReturnProgressReportRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(ReturnProgressReportRequest request, CancellationToken cancellationToken) =>
        new(streams.ExecuteAsync(
            request.Commitment,
            request.Report.Value,
            _ => new ReturnProgressReport(request.Commitment, request.Report, request.Body.Reason, request.Caller.ToActor(), time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

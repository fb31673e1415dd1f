using Collaboration.Api.Application;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>The office approves a pending report; only approved figures count. No body.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record ApproveProgressReportRequest(Caller Caller, WriteOptions Options, CommitmentId Commitment, ProgressReportId Report) : ICommitmentWrite;

public sealed class ApproveProgressReportHandler(CommitmentStreams streams, TimeProvider time) : ICommandHandler<ApproveProgressReportRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(ApproveProgressReportRequest request, CancellationToken cancellationToken) =>
        new(streams.ExecuteWithMemorandumAsync(
            request.Commitment,
            request.Report.Value,
            memorandum => new ApproveProgressReport(request.Commitment, request.Report, memorandum, request.Caller.ToActor(), time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

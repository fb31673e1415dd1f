using Collaboration.Api.Application;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>Body of <c>POST /api/v1/commitments/{id}/progress-reports</c>.</summary>
/// <param name="Percent">Progress 0–100.</param>
/// <param name="Narrative">What was done, in Chinese and English.</param>
/// <param name="AsOf">The date the figure describes: not before the proposal, not after today (Shanghai).</param>
public sealed record SubmitProgressReportBody(decimal Percent, BilingualText Narrative, DateOnly AsOf);

/// <summary>A partner's report waits for office review; the office's own report counts at once.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Partner)]
public sealed record SubmitProgressReportRequest(Caller Caller, WriteOptions Options, CommitmentId Commitment, ProgressReportId Report, SubmitProgressReportBody Body)
    : ICommitmentWrite;

public sealed class SubmitProgressReportValidator : IValidator<SubmitProgressReportRequest>
{
    public void Validate(SubmitProgressReportRequest request, ValidationErrors errors)
    {
        errors.MaxLength("narrative.zh", request.Body.Narrative.Zh, 4000).MaxLength("narrative.en", request.Body.Narrative.En, 4000);
        errors.Range("percent", request.Body.Percent, 0m, 100m);
    }
}

public sealed class SubmitProgressReportHandler(CommitmentStreams streams, TimeProvider time) : ICommandHandler<SubmitProgressReportRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(SubmitProgressReportRequest request, CancellationToken cancellationToken) =>
        new(streams.ExecuteWithMemorandumAsync(
            request.Commitment,
            request.Report.Value,
            memorandum => new SubmitProgressReport(
                request.Commitment, request.Report, request.Body.Percent, request.Body.Narrative, request.Body.AsOf,
                memorandum, request.Caller.ToActor(), time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

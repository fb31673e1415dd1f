using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.MemorandumProgress;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>A memorandum's progress today; 404 for a partner that is not a party (as if it did not exist).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record GetMemorandumProgressRequest(Caller Caller, MemorandumId Memorandum) : IRead<MemorandumProgressReport>;

public sealed class GetMemorandumProgressHandler(MemorandumProgressReports reports, TimeProvider time)
    : IQueryHandler<GetMemorandumProgressRequest, QueryOutcome<MemorandumProgressReport>>
{
    public async ValueTask<QueryOutcome<MemorandumProgressReport>> Handle(GetMemorandumProgressRequest request, CancellationToken cancellationToken) =>
        await reports.ReadAsync(request.Caller, request.Memorandum, DistrictTime.Today(time), cancellationToken) is { } read
            ? QueryOutcome<MemorandumProgressReport>.Of(read.Report, read.Json)
            : QueryOutcome<MemorandumProgressReport>.Missing();
}

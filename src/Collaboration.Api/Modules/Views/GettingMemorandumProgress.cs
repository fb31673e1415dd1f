using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.MemorandumProgress;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>A memorandum's progress today; 404 for a partner that is not a party (as if it did not exist).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record GetMemorandumProgressRequest(Caller Caller, MemorandumId Memorandum) : IRead<MemorandumProgressReport>;

public sealed class GetMemorandumProgressHandler(IViewQueries queries, TimeProvider time) : IQueryHandler<GetMemorandumProgressRequest, QueryOutcome<MemorandumProgressReport>>
{
    public async ValueTask<QueryOutcome<MemorandumProgressReport>> Handle(GetMemorandumProgressRequest request, CancellationToken cancellationToken)
    {
        var found = await queries.GetAsync(request.Caller, ViewNames.MemorandumProgress, request.Memorandum.ToString(), cancellationToken);
        if (found is null || ViewDocuments.Typed<MemorandumProgressDocument>(found) is not { Title: not null } document)
        {
            return QueryOutcome<MemorandumProgressReport>.Missing();
        }

        return QueryOutcome<MemorandumProgressReport>.Of(MemorandumProgressReport.On(document, DistrictTime.Today(time)));
    }
}

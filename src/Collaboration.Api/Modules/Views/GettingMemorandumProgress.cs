using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.MemorandumProgress;
using Collaboration.Projections.Running;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>A memorandum's progress today; 404 for a partner that is not a party (as if it did not exist).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record GetMemorandumProgressRequest(Caller Caller, MemorandumId Memorandum) : IRead<MemorandumProgressReport>;

public sealed class GetMemorandumProgressHandler(IViewReader reader, RecentStoredDocuments recent, DocumentVisibility documents, PreparedProgressReports prepared, TimeProvider time)
    : IQueryHandler<GetMemorandumProgressRequest, QueryOutcome<MemorandumProgressReport>>
{
    public async ValueTask<QueryOutcome<MemorandumProgressReport>> Handle(GetMemorandumProgressRequest request, CancellationToken cancellationToken)
    {
        // The stored document from memory while no change of it was heard (RecentStoredDocuments), parsed once from its text,
        // then through the policy for this caller; the report and its body are composed once per stored document and day
        // (PreparedProgressReports).
        var stored = await recent.GetAsync(reader, ViewNames.MemorandumProgress, request.Memorandum.ToString(), cancellationToken);
        if (documents.ShowTyped<MemorandumProgressDocument>(request.Caller.ToViewer(), stored, out var unredacted) is not { Title: not null } document)
        {
            return QueryOutcome<MemorandumProgressReport>.Missing();
        }

        var (report, json) = prepared.On(document, DistrictTime.Today(time), unredacted);
        return QueryOutcome<MemorandumProgressReport>.Of(report, json);
    }
}

using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.MemorandumProgress;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>Commitment filters; every one optional. <c>Status</c> and <c>Overdue</c> are judged on today's date.</summary>
public sealed record CommitmentFilter(Guid? Partner, string? FocusArea, string? Status, bool? Overdue, Guid? Memorandum);

/// <summary>Commitments: all for office and auditors, the ones its organisation owns for a partner.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record ListCommitmentsRequest(Caller Caller, CommitmentFilter Filter) : IRead<IReadOnlyList<CommitmentLine>>;

public sealed class ListCommitmentsHandler(IViewQueries queries, TimeProvider time) : IQueryHandler<ListCommitmentsRequest, QueryOutcome<IReadOnlyList<CommitmentLine>>>
{
    public async ValueTask<QueryOutcome<IReadOnlyList<CommitmentLine>>> Handle(ListCommitmentsRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var area = ViewDocuments.ParseFilter<FocusArea>(request.Filter.FocusArea, "focusArea", errors);
        var status = ViewDocuments.ParseFilter<CommitmentStatus>(request.Filter.Status, "status", errors);
        if (errors.Count > 0)
        {
            return QueryOutcome<IReadOnlyList<CommitmentLine>>.Invalid(errors);
        }

        var today = DistrictTime.Today(time);
        var filter = request.Filter;
        var lines = (await queries.ListAsync<CommitmentDetail>(request.Caller, ViewNames.CommitmentDetail, cancellationToken))
            .Select(d => CommitmentLine.Of(d, today))
            .Where(l => filter.Partner is not { } p || l.Owner.Value == p)
            .Where(l => filter.Memorandum is not { } m || l.Memorandum.Value == m)
            .Where(l => area is not { } a || l.FocusArea == a)
            .Where(l => status is not { } s || l.Status == s)
            .Where(l => filter.Overdue is not { } o || (l.Status == CommitmentStatus.Overdue) == o)
            .OrderBy(l => l.DueDate)
            .ToList();
        return QueryOutcome<IReadOnlyList<CommitmentLine>>.Of(lines);
    }
}

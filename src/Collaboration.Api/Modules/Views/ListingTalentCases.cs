using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Domain.Calendar;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections.TalentCaseQueue;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>Talent-case queue filters; every one optional.</summary>
public sealed record TalentCaseFilter(string? Status, string? Department, string? Officer);

/// <summary>The queue: all cases for office and auditors, the cases it referred for a partner; observers see none.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record ListTalentCasesRequest(Caller Caller, TalentCaseFilter Filter) : IRead<IReadOnlyList<TalentCaseListItem>>;

public sealed class ListTalentCasesHandler(IViewQueries queries, TimeProvider time) : IQueryHandler<ListTalentCasesRequest, QueryOutcome<IReadOnlyList<TalentCaseListItem>>>
{
    public async ValueTask<QueryOutcome<IReadOnlyList<TalentCaseListItem>>> Handle(ListTalentCasesRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var status = ViewDocuments.ParseFilter<TalentCaseStatus>(request.Filter.Status, "status", errors);
        if (errors.Count > 0)
        {
            return QueryOutcome<IReadOnlyList<TalentCaseListItem>>.Invalid(errors);
        }

        var today = DistrictTime.Today(time);
        var filter = request.Filter;
        var lines = (await queries.ListAsync<TalentCaseView>(request.Caller, ViewNames.TalentCaseQueue, cancellationToken))
            .Where(v => status is not { } s || v.Status == s)
            .Where(v => filter.Department is null || string.Equals(v.Department, filter.Department, StringComparison.OrdinalIgnoreCase))
            .Where(v => filter.Officer is null || string.Equals(v.Officer, filter.Officer, StringComparison.OrdinalIgnoreCase))
            .Select(v => TalentCaseLine.On(v, today, WorkingCalendar.China))
            .OrderBy(l => l.WorkingDaysLeft ?? int.MaxValue)
            .Select(TalentCaseListItem.Of)
            .ToList();
        return QueryOutcome<IReadOnlyList<TalentCaseListItem>>.Of(lines);
    }
}

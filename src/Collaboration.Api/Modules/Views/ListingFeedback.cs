using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Domain.Calendar;
using Collaboration.Domain.Feedback;
using Collaboration.Projections.FeedbackBoard;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>Feedback board filters: <c>Stage</c> is a <see cref="FeedbackStage"/> name; <c>Policy</c> a policy id.</summary>
public sealed record FeedbackFilter(string? Stage, Guid? Policy);

/// <summary>The board: all for office and auditors; an observer its own items and every published one; a department what was routed to it.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner, CallerRole.Observer)]
public sealed record ListFeedbackRequest(Caller Caller, FeedbackFilter Filter) : IRead<IReadOnlyList<FeedbackLine>>;

public sealed class ListFeedbackHandler(IViewQueries queries, TimeProvider time) : IQueryHandler<ListFeedbackRequest, QueryOutcome<IReadOnlyList<FeedbackLine>>>
{
    public async ValueTask<QueryOutcome<IReadOnlyList<FeedbackLine>>> Handle(ListFeedbackRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var stage = ViewDocuments.ParseFilter<FeedbackStage>(request.Filter.Stage, "stage", errors);
        if (errors.Count > 0)
        {
            return QueryOutcome<IReadOnlyList<FeedbackLine>>.Invalid(errors);
        }

        var today = time.DistrictToday();
        var lines = (await queries.ListAsync<FeedbackView>(request.Caller, ViewNames.FeedbackBoard, cancellationToken))
            .Where(v => stage is not { } s || v.Stage == s)
            .Where(v => request.Filter.Policy is not { } p || v.Item.Policy?.Value == p)
            .Select(v => FeedbackLine.On(v, today, WorkingCalendar.China))
            .OrderBy(l => l.Feedback.Item.SubmittedOn)
            .ToList();
        return QueryOutcome<IReadOnlyList<FeedbackLine>>.Of(lines);
    }
}

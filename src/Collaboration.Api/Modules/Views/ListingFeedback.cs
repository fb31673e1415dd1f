using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Feedback;
using Collaboration.Domain.Calendar;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.FeedbackBoard;
using Collaboration.Projections.Running;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>Feedback board filters: <c>Stage</c> is a <see cref="FeedbackStage"/> name; <c>Policy</c> a policy id.</summary>
public sealed record FeedbackFilter(string? Stage, Guid? Policy);

/// <summary>The board as the visibility policy lets the caller see it: all for office and auditors; an observer its own items and every published one; a department what was routed to it (submitter withheld).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner, CallerRole.Observer)]
public sealed record ListFeedbackRequest(Caller Caller, FeedbackFilter Filter) : IRead<IReadOnlyList<FeedbackDetails>>;

public sealed class ListFeedbackHandler(IViewQueries queries, TimeProvider time) : IQueryHandler<ListFeedbackRequest, QueryOutcome<IReadOnlyList<FeedbackDetails>>>
{
    public async ValueTask<QueryOutcome<IReadOnlyList<FeedbackDetails>>> Handle(ListFeedbackRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var stage = ViewDocuments.ParseFilter<FeedbackStage>(request.Filter.Stage, "stage", errors);
        if (errors.Count > 0)
        {
            return QueryOutcome<IReadOnlyList<FeedbackDetails>>.Invalid(errors);
        }

        var today = DistrictTime.Today(time);
        // Typed: the observer's id becomes null where the policy withholds it, as on GET /feedback/{id}.
        var lines = (await queries.ListWithVerdictsAsync(request.Caller, ViewNames.FeedbackBoard, cancellationToken))
            .Select(d => (View: ViewJson.Deserialize<FeedbackView>(d.Document.Json!)!, d.Verdict))
            .Where(d => stage is not { } s || d.View.Stage == s)
            .Where(d => request.Filter.Policy is not { } p || d.View.Item.Policy?.Value == p)
            .OrderBy(d => d.View.Item.SubmittedOn)
            .Select(d => FeedbackDetails.Of(d.View, d.Verdict, today))
            .ToList();
        return QueryOutcome<IReadOnlyList<FeedbackDetails>>.Of(lines);
    }
}

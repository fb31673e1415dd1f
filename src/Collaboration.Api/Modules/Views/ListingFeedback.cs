using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Views.Paging;
using Collaboration.Projections.Storage;
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
public sealed record ListFeedbackRequest(Caller Caller, FeedbackFilter Filter, PageRequest? Page = null) : IRead<ListPage<FeedbackDetails>>;

public sealed class ListFeedbackHandler(IViewQueries queries, TimeProvider time) : IQueryHandler<ListFeedbackRequest, QueryOutcome<ListPage<FeedbackDetails>>>
{
    /// <summary>By the day it was submitted (the default) or by stage.</summary>
    public static ListSorts Sorts { get; } = new("feedback", "submittedOn", new Dictionary<string, string> { ["submittedOn"] = "item.submittedOn", ["stage"] = "stage" });

    public async ValueTask<QueryOutcome<ListPage<FeedbackDetails>>> Handle(ListFeedbackRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var stages = ViewDocuments.ParseFilters<FeedbackStage>(request.Filter.Stage, "stage", errors);
        if (errors.Count > 0)
        {
            return QueryOutcome<ListPage<FeedbackDetails>>.Invalid(errors);
        }

        if (Sorts.Resolve(request.Page ?? PageRequest.First, out var refused) is not { } paging)
        {
            return QueryOutcome<ListPage<FeedbackDetails>>.Rejected(refused!);
        }

        var filters = new List<ViewFilter>();
        if (stages is { } s)
        {
            filters.Add(ViewFilter.AnyOf("stage", [.. s.Select(v => v.ToString())]));
        }

        if (request.Filter.Policy is { } policy)
        {
            filters.Add(ViewFilter.AnyOf("item.policy", policy.ToString("D")));
        }

        var today = DistrictTime.Today(time);
        // Typed: the observer's id becomes null where the policy withholds it, as on GET /feedback/{id}.
        var page = await queries.ReadWithVerdictsAsync(request.Caller, ViewNames.FeedbackBoard, paging, filters,
            (document, verdict) => FeedbackDetails.Of(ViewJson.Deserialize<FeedbackView>(document.Json!)!, verdict, today), cancellationToken);
        return QueryOutcome<ListPage<FeedbackDetails>>.Of(page);
    }
}

using Collaboration.Api.Application;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Mediator;

namespace Collaboration.Api.Modules.Feedback;

/// <summary>
/// One feedback item as the API shows it, with the answer-deadline facts derived for today (Shanghai date, China
/// working-day calendar). <see cref="Observer"/> is shown to the office, auditors and the submitter only: on the public
/// board and to the answering department the item is not tied to a person.
/// </summary>
public sealed record FeedbackDetails(
    FeedbackId Id,
    ObserverId? Observer,
    BilingualText Topic,
    PolicyId? Policy,
    Language WrittenIn,
    string Text,
    DateOnly SubmittedOn,
    FeedbackStage Stage,
    bool IsPublic,
    FeedbackRouting? Routing,
    FeedbackReply? Reply,
    int? Stars,
    DateOnly Today,
    bool AnswerOverdue,
    int? WorkingDaysLeft,
    int? AnswerTimeInWorkingDays,
    bool? AnsweredOnTime);

/// <summary>Reads one item from its stream (so the ETag is exact for a following If-Match write).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Observer, CallerRole.Partner)]
public sealed record GetFeedbackRequest(Caller Caller, FeedbackId Feedback) : IRead<FeedbackDetails>;

/// <summary>Observers see their own items and published ones, partners the items routed to them; others answer 404.</summary>
public sealed class GetFeedbackAccess(StreamExecutor executor) : IAccessRule<GetFeedbackRequest>
{
    public ValueTask<Access> CheckAsync(GetFeedbackRequest request, CancellationToken cancellationToken) =>
        FeedbackVisibility.CheckAsync(executor, request.Feedback, request.Caller, cancellationToken);
}

public sealed class GetFeedbackHandler(StreamExecutor executor, TimeProvider time) : IQueryHandler<GetFeedbackRequest, QueryOutcome<FeedbackDetails>>
{
    public async ValueTask<QueryOutcome<FeedbackDetails>> Handle(GetFeedbackRequest request, CancellationToken cancellationToken)
    {
        var loaded = await executor.LoadAsync<FeedbackDecider, FeedbackState, IFeedbackCommand, IFeedbackEvent>(
            FeedbackDecider.StreamName(request.Feedback), cancellationToken);
        if (FeedbackView.Of(loaded.State) is not { } view)
        {
            return QueryOutcome<FeedbackDetails>.Missing();
        }

        var caller = request.Caller;
        var item = view.Item;
        var showSubmitter = caller.Role is CallerRole.Office or CallerRole.Auditor || caller.Observer == item.Observer;
        var today = FeedbackWrites.Today(time);
        var calendar = FeedbackRules.Calendar;
        return QueryOutcome<FeedbackDetails>.Of(
            new FeedbackDetails(
                item.Feedback, showSubmitter ? item.Observer : null, item.Topic, item.Policy, item.WrittenIn, item.Text, item.SubmittedOn,
                view.Stage, view.IsPublic, view.Routing, view.Reply, view.Stars,
                today,
                FeedbackDeadlines.IsAnswerOverdue(view, today),
                FeedbackDeadlines.WorkingDaysLeft(view, today, calendar),
                FeedbackDeadlines.AnswerTimeInWorkingDays(view, calendar),
                FeedbackDeadlines.WasAnsweredOnTime(view)),
            loaded.Revision);
    }
}

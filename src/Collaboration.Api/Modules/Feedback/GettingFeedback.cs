using Collaboration.Api.Application;
using Collaboration.Api.Visibility;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
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
    bool? AnsweredOnTime)
{
    /// <summary>The item as <paramref name="verdict"/>'s viewer may see it, with the deadline facts for <paramref name="today"/>.</summary>
    public static FeedbackDetails Of(FeedbackView view, Verdict verdict, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(verdict);
        var item = view.Item;
        var calendar = FeedbackRules.Calendar;
        return new FeedbackDetails(
            item.Feedback, verdict.ShowsObserver(item.Observer.Value) ? item.Observer : null, item.Topic, item.Policy, item.WrittenIn, item.Text,
            item.SubmittedOn, view.Stage, view.IsPublic, view.Routing, view.Reply, view.Stars,
            today,
            FeedbackDeadlines.IsAnswerOverdue(view, today),
            FeedbackDeadlines.WorkingDaysLeft(view, today, calendar),
            FeedbackDeadlines.AnswerTimeInWorkingDays(view, calendar),
            FeedbackDeadlines.WasAnsweredOnTime(view));
    }
}

/// <summary>Reads one item from its stream (so the ETag is exact for a following If-Match write).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Observer, CallerRole.Partner)]
public sealed record GetFeedbackRequest(Caller Caller, FeedbackId Feedback) : IRead<FeedbackDetails>;

/// <summary>Observers see their own items and published ones, partners the items routed to them; others answer 404.</summary>
public sealed class GetFeedbackAccess(VisibilityService visibility) : IAccessRule<GetFeedbackRequest>
{
    public ValueTask<Access> CheckAsync(GetFeedbackRequest request, CancellationToken cancellationToken) =>
        visibility.OfStreamAsync(request.Caller, FeedbackDecider.StreamName(request.Feedback), cancellationToken);
}

public sealed class GetFeedbackHandler(StreamExecutor executor, VisibilityPolicy policy, TimeProvider time) : IQueryHandler<GetFeedbackRequest, QueryOutcome<FeedbackDetails>>
{
    public async ValueTask<QueryOutcome<FeedbackDetails>> Handle(GetFeedbackRequest request, CancellationToken cancellationToken)
    {
        var loaded = await executor.LoadAsync<FeedbackDecider, FeedbackState, IFeedbackCommand, IFeedbackEvent>(
            FeedbackDecider.StreamName(request.Feedback), cancellationToken);
        if (FeedbackView.Of(loaded.State) is not { } view)
        {
            return QueryOutcome<FeedbackDetails>.Missing();
        }

        var verdict = policy.Decide(request.Caller, FeedbackDecider.StreamName(request.Feedback), loaded.State);
        return QueryOutcome<FeedbackDetails>.Of(FeedbackDetails.Of(view, verdict, DistrictTime.Today(time)), loaded.Revision);
    }
}

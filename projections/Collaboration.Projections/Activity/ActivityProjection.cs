using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Observers;
using Collaboration.Domain.Partners;
using Collaboration.Domain.Policies;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections.Running;
using Collaboration.Projections.Streams;

namespace Collaboration.Projections.Activity;

/// <summary>
/// <c>activity</c>: a feed with one entry per domain event (<see cref="FeedEntry"/>), scoped like the thing it is
/// about (a commitment's owner, a memorandum's parties, a case's referrer, a feedback's observer, a partner itself;
/// policies are public). The entry names no person and copies no text from the event. The feed stores only each
/// event's position and scope: with an entry per event, documents would copy the log.
/// </summary>
public sealed class ActivityProjection : IProjection
{
    public const string ViewName = "activity";

    public string Name => ViewName;

    /// <summary>2: entries moved from documents to the feed.</summary>
    public int Version => 2;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        ViewScope? scope = projected.Event switch
        {
            ICommitmentEvent e => await DomainStreams.CommitmentAsync(context, e.Commitment, ct) is ExistingCommitment c
                ? ViewScope.ForPartners([c.File.Owner.Value]) : ViewScope.OfficeOnly,
            IMemorandumEvent e => ViewScope.ForPartners(
                (MemorandumDecider.Snapshot(await DomainStreams.MemorandumAsync(context, e.Memorandum, ct))?.Parties ?? []).Select(p => p.Value)),
            ITalentCaseEvent e => TalentCaseView.Of(await DomainStreams.TalentCaseAsync(context, e.Case, ct))?.ReferredBy is { } referrer
                ? ViewScope.ForPartners([referrer.Value]) : ViewScope.OfficeOnly,
            IFeedbackEvent e => FeedbackView.Of(await DomainStreams.FeedbackAsync(context, e.Feedback, ct)) is { } f
                ? ViewScope.ForObserver(f.Item.Observer.Value, isPublic: false) : ViewScope.OfficeOnly,
            IPartnerEvent e => ViewScope.ForPartners([e.Partner.Value]),
            IPolicyEvent => ViewScope.Everyone,
            IObserverEvent e => ViewScope.ForObserver(e.Observer.Value, isPublic: false),
            _ => null,
        };
        if (scope is not null)
        {
            await context.Views.AddToFeedAsync(scope, ct);
        }
    }
}

using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Observers;
using Collaboration.Domain.Partners;
using Collaboration.Domain.Policies;
using Collaboration.Domain.PublicityPoints;
using Collaboration.Domain.TalentCases;
using Collaboration.Domain.Visibility;
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

    /// <summary>2: entries moved from documents to the feed. 3: scoped by the visibility policy (published feedback is public).</summary>
    public int Version => 3;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        // Each entry is scoped by the policy like the item it is about, from that item's facts now. A commitment's
        // entries go to its owner, as its detail does.
        ItemFacts? facts = projected.Event switch
        {
            ICommitmentEvent e => StateFacts.Of(ItemFacts.Of(ItemKind.Commitment, e.Commitment.Value), await DomainStreams.CommitmentAsync(context, e.Commitment, ct)),
            IMemorandumEvent e => StateFacts.Of(ItemFacts.Of(ItemKind.Memorandum, e.Memorandum.Value), await DomainStreams.MemorandumAsync(context, e.Memorandum, ct)),
            ITalentCaseEvent e => StateFacts.Of(ItemFacts.Of(ItemKind.TalentCase, e.Case.Value), await DomainStreams.TalentCaseAsync(context, e.Case, ct)),
            IFeedbackEvent e => StateFacts.Of(ItemFacts.Of(ItemKind.Feedback, e.Feedback.Value), await DomainStreams.FeedbackAsync(context, e.Feedback, ct)),
            IPartnerEvent e => ItemFacts.Of(ItemKind.Partner, e.Partner.Value) with { Owner = e.Partner.Value },
            IPolicyEvent or IPublicityPointEvent => ItemFacts.Of(ItemKind.Policy),
            IObserverEvent e => ItemFacts.Of(ItemKind.Observer, e.Observer.Value) with { Observer = e.Observer.Value },
            _ => null,
        };
        var scope = facts is null ? null : ViewScope.For(facts);
        if (scope is not null)
        {
            await context.Views.AddToFeedAsync(scope, ct);
        }
    }
}

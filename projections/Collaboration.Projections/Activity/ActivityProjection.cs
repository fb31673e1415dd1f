using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Observers;
using Collaboration.Domain.Partners;
using Collaboration.Domain.Policies;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections.Running;
using Collaboration.Projections.Streams;
using System.Globalization;

namespace Collaboration.Projections.Activity;

/// <summary>
/// <c>activity</c>, keyed by the zero-padded position: one entry per domain event, scoped like the thing it is
/// about (a commitment's owner, a memorandum's parties, a case's referrer, a feedback's observer, a partner itself;
/// policies are public). The entry names no person and copies no text from the event.
/// </summary>
public sealed class ActivityProjection : IProjection
{
    public const string ViewName = "activity";

    public string Name => ViewName;

    public int Version => 1;

    public static string KeyOf(long position) => position.ToString("D12", CultureInfo.InvariantCulture);

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        (string Kind, Guid Subject, ViewScope Scope)? about = projected.Event switch
        {
            ICommitmentEvent e => ("commitment", e.Commitment.Value, CommitmentDetails.CommitmentDetail.Of(await DomainStreams.CommitmentAsync(context, e.Commitment, ct)) is { } c
                ? ViewScope.ForPartners([c.Commitment.Owner.Value]) : ViewScope.OfficeOnly),
            IMemorandumEvent e => ("memorandum", e.Memorandum.Value, ViewScope.ForPartners(
                (MemorandumDecider.Snapshot(await DomainStreams.MemorandumAsync(context, e.Memorandum, ct))?.Parties ?? []).Select(p => p.Value))),
            ITalentCaseEvent e => ("talent-case", e.Case.Value, TalentCaseView.Of(await DomainStreams.TalentCaseAsync(context, e.Case, ct))?.ReferredBy is { } referrer
                ? ViewScope.ForPartners([referrer.Value]) : ViewScope.OfficeOnly),
            IFeedbackEvent e => ("feedback", e.Feedback.Value, FeedbackView.Of(await DomainStreams.FeedbackAsync(context, e.Feedback, ct)) is { } f
                ? ViewScope.ForObserver(f.Item.Observer.Value, isPublic: false) : ViewScope.OfficeOnly),
            IPartnerEvent e => ("partner", e.Partner.Value, ViewScope.ForPartners([e.Partner.Value])),
            IPolicyEvent e => ("policy", e.Policy.Value, ViewScope.Everyone),
            IObserverEvent e => ("observer", e.Observer.Value, ViewScope.ForObserver(e.Observer.Value, isPublic: false)),
            _ => null,
        };
        if (about is { } a)
        {
            var recorded = projected.Recorded;
            var entry = new ActivityEntry(recorded.Position, recorded.Timestamp, recorded.Type, a.Kind, a.Subject, recorded.Stream);
            await context.Views.PutAsync(KeyOf(recorded.Position), entry, a.Scope, ct);
        }
    }
}

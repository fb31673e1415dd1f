using Collaboration.Domain.Feedback;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.Running;
using Collaboration.Projections.Streams;

namespace Collaboration.Projections.FeedbackBoard;

/// <summary>
/// <c>feedback-board</c>, keyed by feedback id: the domain's <see cref="FeedbackView"/>. Seen by the observer who
/// wrote it and the department it was routed to; by everyone once published.
/// </summary>
public sealed class FeedbackBoardProjection : IProjection
{
    public const string ViewName = "feedback-board";

    public string Name => ViewName;

    public int Version => 1;

    public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(context);
        if (projected.Event is IFeedbackEvent e && await DomainStreams.FeedbackAsync(context, e.Feedback, ct) is var state && FeedbackView.Of(state) is { } view)
        {
            var scope = ViewScope.For(StateFacts.Of(ItemFacts.Of(ItemKind.Feedback, e.Feedback.Value), state));
            await context.Views.PutAsync(DomainStreams.Key(e.Feedback.Value), view, scope, ct);
        }
    }
}

using Collaboration.Domain.Feedback;
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
        if (projected.Event is IFeedbackEvent e && FeedbackView.Of(await DomainStreams.FeedbackAsync(context, e.Feedback, ct)) is { } view)
        {
            var audiences = ViewScope.ForObserver(view.Item.Observer.Value, view.IsPublic).Audiences.ToList();
            if (view.Routing is { } routing)
            {
                audiences.Add(ViewScope.Organisation(routing.Department.Value));
            }

            await context.Views.PutAsync(DomainStreams.Key(e.Feedback.Value), view, new ViewScope(audiences), ct);
        }
    }
}

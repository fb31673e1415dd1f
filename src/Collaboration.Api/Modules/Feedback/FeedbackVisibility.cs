using Collaboration.Api.Application;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.Feedback;

/// <summary>
/// Who may see a feedback item: the office and auditors all; an observer its own items and anything published; a
/// partner only items routed to its own organisation (the department that must answer). Anything else reads as absent.
/// </summary>
internal static class FeedbackVisibility
{
    public static bool IsVisibleTo(FeedbackView view, Caller caller) => caller.Role switch
    {
        CallerRole.Office or CallerRole.Auditor => true,
        CallerRole.Observer => view.IsPublic || view.Item.Observer == caller.Observer,
        CallerRole.Partner => view.Routing is { } routing && routing.Department == caller.Organisation,
        _ => false,
    };

    /// <summary>Loads the item and answers Hidden when it does not exist or the caller may not know of it.</summary>
    public static async ValueTask<Access> CheckAsync(StreamExecutor executor, FeedbackId feedback, Caller caller, CancellationToken cancellationToken)
    {
        if (caller.Role is CallerRole.Office or CallerRole.Auditor)
        {
            return Access.Allowed;
        }

        var loaded = await executor.LoadAsync<FeedbackDecider, FeedbackState, IFeedbackCommand, IFeedbackEvent>(
            FeedbackDecider.StreamName(feedback), cancellationToken);
        return FeedbackView.Of(loaded.State) is { } view && IsVisibleTo(view, caller) ? Access.Allowed : Access.Hidden;
    }
}

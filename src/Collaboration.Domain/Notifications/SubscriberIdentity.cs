using Collaboration.Domain.Visibility;

namespace Collaboration.Domain.Notifications;

/// <summary>
/// Who a subscriber is as the visibility policy sees them, copied from their token when they last followed or set
/// preferences: recipients are filtered by the policy with exactly this viewer.
/// </summary>
public sealed record SubscriberIdentity(string User, ViewerRole Role, Guid? Organisation = null, Guid? Observer = null)
{
    public Viewer ToViewer() => new(Role, Organisation, Observer, User);
}

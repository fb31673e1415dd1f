using Collaboration.Api.Application;
using Collaboration.Domain.Notifications;

namespace Collaboration.Api.Modules.Notifications;

public static class NotificationIdentity
{
    /// <summary>The caller as a subscriber: the viewer the policy will judge their notifications for.</summary>
    public static SubscriberIdentity Of(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var viewer = caller.ToViewer();
        return new SubscriberIdentity(caller.Id, viewer.Role, viewer.Organisation, viewer.Observer);
    }
}

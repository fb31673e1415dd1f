namespace Collaboration.Api.Modules.Notifications;

/// <summary>An inbox changed (after the reactor committed): its key and how many notifications in it are unread.</summary>
public sealed record InboxSignal(string Inbox, int Unread);

/// <summary>
/// In-process news of committed inbox changes: the notification hub pushes them to the inbox's group and each
/// dashboard session's bell refreshes when one of its inboxes changed.
/// </summary>
public sealed class NotificationSignals
{
    public event Action<IReadOnlyList<InboxSignal>>? Changed;

    public void Publish(IReadOnlyList<InboxSignal> signals)
    {
        if (signals.Count > 0)
        {
            Changed?.Invoke(signals);
        }
    }
}

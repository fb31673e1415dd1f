namespace Collaboration.Api.Modules.Notifications;

/// <summary>An inbox changed (after the reactor committed): its key and how many notifications in it are unread.</summary>
public sealed record InboxSignal(string Inbox, int Unread);

/// <summary>
/// In-process news of committed inbox changes: the notification hub pushes them to the inbox's group and each
/// dashboard session's bell refreshes when one of its inboxes changed. It also tells the delivery worker that the
/// reactor committed new outbox entries, so a mail goes out when it is due rather than at the worker's next poll.
/// </summary>
public sealed class NotificationSignals
{
    private TaskCompletionSource outboxWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public event Action<IReadOnlyList<InboxSignal>>? Changed;

    /// <summary>
    /// Completes at the next <see cref="PublishOutboxWritten"/>. Take it before looking at the outbox: an entry committed
    /// while the caller looks then completes the task it already holds, so it is not missed until the next poll.
    /// </summary>
    public Task NextOutboxWrite => Volatile.Read(ref outboxWritten).Task;

    /// <summary>The reactor committed new outbox entries.</summary>
    public void PublishOutboxWritten() =>
        Interlocked.Exchange(ref outboxWritten, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public void Publish(IReadOnlyList<InboxSignal> signals)
    {
        if (signals.Count > 0)
        {
            Changed?.Invoke(signals);
        }
    }
}

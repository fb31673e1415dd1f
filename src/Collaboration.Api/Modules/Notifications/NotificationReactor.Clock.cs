using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.TalentCases;

namespace Collaboration.Api.Modules.Notifications;

// The clock: deadlines that pass while nothing is recorded.
public sealed partial class NotificationReactor
{
    /// <summary>
    /// Checks every watched item's deadlines for today. A trigger's key names its mark and due date and is recorded in
    /// <see cref="NotificationViews.Fired"/> in the same transaction as the notifications it made, so it fires once,
    /// across restarts too. Of several marks first reached together only the furthest is told. With
    /// <paramref name="onlyChanged"/> (the date has not moved since the last check) only those streams are read: the
    /// others' triggers for today were found, and fired, by that check.
    /// </summary>
    private async Task RunClockAsync(ReactorBatch batch, long position, DateTimeOffset now, IReadOnlySet<string>? onlyChanged, CancellationToken ct)
    {
        var today = DistrictTime.DateOf(now);
        var watch = await batch.GetAsync<WatchDocument>(NotificationViews.Watch, "items", ct) ?? new WatchDocument([]);
        var stillWatched = new List<string>(watch.Streams.Count);
        foreach (var stream in watch.Streams)
        {
            if (onlyChanged is not null && !onlyChanged.Contains(stream))
            {
                stillWatched.Add(stream);
                continue;
            }

            var loadedBefore = batch.States.ContainsKey(stream);
            var state = await recipients.StateAsync(batch, stream, ct);
            if (!IsSettled(state))
            {
                stillWatched.Add(stream);
            }

            var unfired = new List<NotificationTrigger>();
            foreach (var trigger in ClockTriggers.Due(stream, state, today, now, Calendar))
            {
                var key = $"{stream}|{trigger.Key}";
                if (await batch.GetAsync<FiredDocument>(NotificationViews.Fired, key, ct) is null)
                {
                    batch.Put(NotificationViews.Fired, key, new FiredDocument(NotificationIds.Of(trigger), now));
                    unfired.Add(trigger);
                }
            }

            if (unfired.Count > 0)
            {
                await recipients.NotifyAsync(batch, unfired[^1], null, position, actor: null, ct);
            }

            // The check visits each item once, so a state it loaded is not asked for again; kept to the end of the batch,
            // a full check held every watched item's state at once (120,000 on the lists bench, ADR 0023). States this
            // batch's events loaded, and those of the memoranda the notifications looked up, stay.
            if (!loadedBefore)
            {
                batch.ForgetState(stream);
            }
        }

        if (stillWatched.Count != watch.Streams.Count)
        {
            batch.Put(NotificationViews.Watch, "items", new WatchDocument(stillWatched));
        }
    }

    /// <summary>An item no deadline can concern any more (a reopened case is watched again by its event).</summary>
    private static bool IsSettled(object state) => state switch
    {
        CompletedCommitment or CancelledCommitment => true,
        TalentCaseState.Resolved or TalentCaseState.Rejected => true,
        FeedbackState f => FeedbackView.Of(f) is { Reply: not null },
        _ => false,
    };
}

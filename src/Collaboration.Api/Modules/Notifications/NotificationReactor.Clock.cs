using Collaboration.Audit;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.TalentCases;
using Collaboration.EventStore;
using Collaboration.Projections.Storage;

namespace Collaboration.Api.Modules.Notifications;

// The clock: deadlines that pass while nothing is recorded.
public sealed partial class NotificationReactor
{
    private const int WatchPage = 1_000;

    /// <summary>
    /// Checks every watched item's deadlines for today. A trigger's key names its mark and due date and is recorded in
    /// <see cref="NotificationViews.Fired"/> in the same transaction as the notifications it made, so it fires once,
    /// across restarts too. Of several marks first reached together only the furthest is told. With
    /// <paramref name="onlyChanged"/> (the date has not moved since the last check) only those streams are read: the
    /// others' triggers for today were found, and fired, by that check. Otherwise the committed watch list is read a page
    /// at a time, then the streams this batch started watching (<paramref name="newlyWatched"/>, not committed yet).
    /// </summary>
    private async Task RunClockAsync(ReactorBatch batch, long position, DateTimeOffset now, IReadOnlySet<string>? onlyChanged, List<string> newlyWatched, CancellationToken ct)
    {
        var today = DistrictTime.DateOf(now);
        if (onlyChanged is not null)
        {
            foreach (var stream in onlyChanged)
            {
                await CheckAsync(batch, stream, position, today, now, ct);
            }
        }
        else
        {
            ViewCursor? after = null;
            do
            {
                var page = await views.PageAsync(new ViewPageQuery(NotificationViews.Watch, null, [], new ViewSort(nameof(WatchedItem.Stream).ToLowerInvariant()), after, WatchPage), ct);
                foreach (var item in page.Items)
                {
                    if (item.Key != NotificationViews.LegacyWatchKey)
                    {
                        await CheckAsync(batch, item.Key, position, today, now, ct);
                    }
                }

                after = page.Next;
            }
            while (after is not null);

            foreach (var stream in newlyWatched)
            {
                await CheckAsync(batch, stream, position, today, now, ct);
            }
        }

        batch.Put(NotificationViews.Clock, NotificationViews.ClockKey, new ClockDocument(now, position));
    }

    /// <summary>
    /// Checks the streams that began in this batch, with their state folded from the batch's own events
    /// (<see cref="FoldBorn"/>). Left to the clock, each would be read back from the log and deserialised again at its
    /// next check: a busy minute's new cases (thousands on the load bench) cost the next minute a read of every one.
    /// </summary>
    private async Task CheckBornAsync(ReactorBatch batch, Dictionary<string, object> born, long position, DateTimeOffset now, CancellationToken ct)
    {
        var today = DistrictTime.DateOf(now);
        foreach (var (stream, state) in born)
        {
            await CheckStateAsync(batch, stream, state, position, today, now, ct);
        }
    }

    /// <summary>
    /// Folds a watched stream's event into <paramref name="born"/> when the stream began in this batch (its first event is
    /// here, so the batch holds its whole history); false for any other stream, which the clock checks later.
    /// </summary>
    private static bool FoldBorn(Dictionary<string, object> born, RecordedEvent recorded, object @event)
    {
        if (AggregateFolds.For(recorded.Stream) is not { } fold)
        {
            return false;
        }

        if (recorded.Revision == 0)
        {
            born[recorded.Stream] = fold.Evolve(fold.Initial, @event);
            return true;
        }

        if (born.TryGetValue(recorded.Stream, out var state))
        {
            born[recorded.Stream] = fold.Evolve(state, @event);
            return true;
        }

        return false;
    }

    private async Task CheckAsync(ReactorBatch batch, string stream, long position, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var loadedBefore = batch.States.ContainsKey(stream);
        var state = await recipients.StateAsync(batch, stream, ct);
        await CheckStateAsync(batch, stream, state, position, today, now, ct);

        // The check visits each item once, so a state it loaded is not asked for again; kept to the end of the batch,
        // a full check held every watched item's state at once (120,000 on the lists bench, ADR 0023). States this
        // batch's events loaded, and those of the memoranda the notifications looked up, stay.
        if (!loadedBefore)
        {
            batch.ForgetState(stream);
        }
    }

    private async Task CheckStateAsync(ReactorBatch batch, string stream, object state, long position, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        if (IsSettled(state))
        {
            batch.Remove(NotificationViews.Watch, stream);
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

using System.Text.Json;
using Collaboration.Audit;
using Collaboration.Domain.Calendar;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Notifications;
using Collaboration.EventStore;
using Collaboration.Projections.Storage;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// Turns the log and the clock into notifications (ADR 0024). It reads $all from its checkpoint in batches; for each
/// batch it keeps the subscriptions current, finds the triggers, asks the visibility policy which recipients may read
/// the item, and writes inboxes, outbox entries and the fired clock marks together with its checkpoint in one
/// view-store transaction. A batch is therefore produced once: either all of it and the checkpoint are committed or
/// none is, and a re-run after a crash produces the same ids.
/// </summary>
public sealed partial class NotificationReactor(
    IEventStore store,
    IViewStore views,
    EventSerializer serializer,
    NotificationRecipients recipients,
    TimeProvider time,
    NotificationSignals signals,
    ILogger<NotificationReactor> logger)
{
    public const int BatchSize = 500;

    public const int ViewVersion = 1;

    private readonly Dictionary<string, long> generations = new(StringComparer.Ordinal);

    private long checkpoint = -1;

    private DateTimeOffset? lastClock;

    // The layouts of earlier versions (the watch list and the inboxes as one document each) are moved in the first batch.
    private bool legacyMoved;

    // Watched streams with events since the clock last ran. Deadlines move only with the district's date and the item's
    // state, so between two dates the clock need only look at these: reading every watched stream each minute grew with
    // the log (100,000 open cases kept a core busy for good).
    private readonly HashSet<string> changedSinceClock = new(StringComparer.Ordinal);

    /// <summary>How often the clock's deadlines are checked (and at every change of the district's date).</summary>
    public TimeSpan ClockInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest wait when the log has nothing new: the store wakes the reactor as soon as an event is committed
    /// (its subscription's signal), so this bounds only how late a due clock check or a failed subscription is noticed.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Test hook: return true to fail a batch after its writes and before its commit.</summary>
    public Func<long, bool>? CrashBeforeCommit { get; set; }

    public long Checkpoint => checkpoint;

    /// <summary>When the clock's deadlines were last checked (by the app's clock), null before the first check.</summary>
    public DateTimeOffset? LastClock => lastClock;

    public WorkingCalendar Calendar { get; set; } = WorkingCalendar.China;

    /// <summary>Reads the committed checkpoint again before the next batch: another node may have advanced it meanwhile.</summary>
    public void ReloadCheckpoint() => checkpoint = -1;

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!await StepAsync(ct))
                {
                    await WaitForNewEventsAsync(ct);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBatchFailed(ex);
                checkpoint = -1;
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    /// <summary>
    /// Waits until an event after the checkpoint is committed, or <see cref="PollInterval"/> at most. Polling every
    /// 100 ms put that much on every notification's way (ADR 0024) and read the log ten times a second for nothing.
    /// </summary>
    private async Task WaitForNewEventsAsync(CancellationToken ct)
    {
        if (checkpoint < 0)
        {
            await Task.Delay(PollInterval, ct);
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(PollInterval);
        try
        {
            await foreach (var recorded in store.SubscribeToAllAsync(checkpoint, timeout.Token))
            {
                break;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>One batch of the log (and the clock, when due). True when it read events, so the caller goes on at once.</summary>
    public async Task<bool> StepAsync(CancellationToken ct)
    {
        if (checkpoint < 0)
        {
            await LoadAsync(ct);
        }

        var events = new List<RecordedEvent>();
        await foreach (var recorded in store.ReadAllAsync(checkpoint + 1, BatchSize, ct))
        {
            events.Add(recorded);
        }

        var now = time.GetUtcNow();
        var clockDue = lastClock is not { } last || now - last >= ClockInterval || DistrictTime.DateOf(last) != DistrictTime.DateOf(now);
        if (events.Count == 0 && !clockDue && legacyMoved)
        {
            return false;
        }

        var position = events.Count > 0 ? events[^1].Position : checkpoint;
        await using var batch = new ReactorBatch(views.OpenReads(), views, generations);
        var newlyWatched = new List<string>();
        if (!legacyMoved)
        {
            await MoveLegacyWatchListAsync(batch, newlyWatched, ct);
            await InboxRows.MoveLegacyInboxesAsync(batch, ct);
        }

        var born = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var recorded in events)
        {
            await ApplyAsync(batch, recorded, newlyWatched, born, ct);
        }

        await CheckBornAsync(batch, born, position, now, ct);
        if (clockDue)
        {
            newlyWatched.RemoveAll(born.ContainsKey);
            var everyItem = lastClock is not { } previous || DistrictTime.DateOf(previous) != DistrictTime.DateOf(now);
            await RunClockAsync(batch, position, now, everyItem ? null : changedSinceClock, newlyWatched, ct);
        }

        await InboxRows.TrimAsync(batch, ct);
        if (events.Count > 0 || batch.HasChanges)
        {
            await batch.CommitAsync(views, position, CrashBeforeCommit, ct);
        }

        checkpoint = position;
        legacyMoved = true;
        if (clockDue)
        {
            lastClock = now;
            changedSinceClock.Clear();
        }

        signals.Publish([.. batch.ChangedInboxes.Select(c => new InboxSignal(c.Key, c.Count.Unread))]);
        if (batch.NewOutboxEntries.Any())
        {
            signals.PublishOutboxWritten();
        }

        return events.Count > 0;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var checkpoints = new List<long>();
        foreach (var view in NotificationViews.All)
        {
            var active = await views.RegisterAsync(view, ViewVersion, ct);
            generations[view] = active.Generation;
            checkpoints.Add(active.Checkpoint);
        }

        // Every view's checkpoint commits together, so they differ only when a view was added since the reactor last
        // ran (notify-webhooks): such a view is folded from events that did not exist before it, so it starts where the
        // others are instead of sending everything again.
        checkpoint = checkpoints.Where(c => c > 0).DefaultIfEmpty(0).Min();
        lastClock = null;
        changedSinceClock.Clear();
        legacyMoved = false;
        await RestoreClockAsync(ct);
    }

    /// <summary>
    /// Resumes the clock where the last process left it: on the same district date only the items with events since its
    /// last check need checking (the others' marks for today are in <see cref="NotificationViews.Fired"/>), so a start no
    /// longer reads the state of every watched item — minutes at 120,000 open items (ADR 0030).
    /// </summary>
    private async Task RestoreClockAsync(CancellationToken ct)
    {
        await using var reads = views.OpenReads();
        var stored = await reads.ReadAsync(NotificationViews.Clock, generations[NotificationViews.Clock], NotificationViews.ClockKey, ct);
        if (stored?.Json is not { } json || JsonSerializer.Deserialize<ClockDocument>(json, NotificationJson.Options) is not { } clock)
        {
            return;
        }

        lastClock = clock.At;
        if (DistrictTime.DateOf(clock.At) != DistrictTime.DateOf(time.GetUtcNow()))
        {
            return;
        }

        await foreach (var recorded in store.ReadAllAsync(clock.Position + 1, ct: ct))
        {
            if (recorded.Position > checkpoint)
            {
                break;
            }

            if (StreamCatalogue.Of(recorded.Stream) is { } family && Watched(family))
            {
                changedSinceClock.Add(recorded.Stream);
            }
        }
    }

    /// <summary>
    /// Turns the watch list of earlier versions (one document holding every watched stream, read, copied and written again
    /// by every batch) into one row per stream, in the first batch after a start.
    /// </summary>
    private static async Task MoveLegacyWatchListAsync(ReactorBatch batch, List<string> newlyWatched, CancellationToken ct)
    {
        if (await batch.GetAsync<WatchDocument>(NotificationViews.Watch, NotificationViews.LegacyWatchKey, ct) is not { } legacy)
        {
            return;
        }

        foreach (var stream in legacy.Streams)
        {
            await WatchAsync(batch, stream, newlyWatched, ct);
        }

        batch.Remove(NotificationViews.Watch, NotificationViews.LegacyWatchKey);
    }

    private static async Task WatchAsync(ReactorBatch batch, string stream, List<string> newlyWatched, CancellationToken ct)
    {
        if (await batch.GetAsync<WatchedItem>(NotificationViews.Watch, stream, ct) is null)
        {
            batch.Put(NotificationViews.Watch, stream, new WatchedItem(stream));
            newlyWatched.Add(stream);
        }
    }

    private async Task ApplyAsync(ReactorBatch batch, RecordedEvent recorded, List<string> newlyWatched, Dictionary<string, object> born, CancellationToken ct)
    {
        var @event = serializer.Deserialize(recorded);
        if (@event is ISubscriberEvent subscriber)
        {
            await Subscriptions.ApplyAsync(batch, subscriber, recorded.Position, ct);
            return;
        }

        if (@event is IWebhookEvent webhook)
        {
            await WebhookDirectory.ApplyAsync(batch, webhook, ct);
            return;
        }

        if (StreamCatalogue.Of(recorded.Stream) is { } family && Watched(family))
        {
            await WatchAsync(batch, recorded.Stream, newlyWatched, ct);
            if (!FoldBorn(born, recorded, @event))
            {
                changedSinceClock.Add(recorded.Stream);
            }
        }

        if (NotificationTriggers.Of(@event, recorded.Stream, recorded.Position) is { } trigger)
        {
            await recipients.NotifyAsync(batch, trigger, @event, recorded.Position, recorded.Metadata.ActorId, ct);
        }
    }

    private static bool Watched(StreamFamily family) =>
        family == StreamCatalogue.Commitments || family == StreamCatalogue.TalentCases || family == StreamCatalogue.Feedback;

    [LoggerMessage(Level = LogLevel.Error, Message = "A notification batch failed; it is retried from the last checkpoint.")]
    private partial void LogBatchFailed(Exception exception);
}

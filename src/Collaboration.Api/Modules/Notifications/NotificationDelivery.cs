using System.Text.Json;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Notifications;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Microsoft.Extensions.Options;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// Sends what the reactor put in the outbox: e-mails now (or, for daily-digest readers, the day's in one mail the next
/// day) and webhook calls with their retries. Only after sending is the entry removed from the outbox, with the tries
/// logged and, when the last try failed, a dead letter kept, in one transaction. A crash between the sending and that
/// record sends the entry again with the same idempotency id: delivery is at least once, and the id lets the receiver
/// drop the repeat.
/// </summary>
public sealed partial class NotificationDelivery(
    IViewStore views,
    SmtpMailer mailer,
    EmailTemplates templates,
    WebhookSender webhooks,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    NotificationSignals signals,
    ILogger<NotificationDelivery> logger)
{
    public const string DeadLetters = "notify-dead-letters";
    public const string Deliveries = "notify-deliveries";

    private const string MailLane = "mail";

    private readonly Dictionary<string, long> generations = new(StringComparer.Ordinal);

    /// <summary>
    /// How often the outbox is looked at for retries that fell due; new entries wake the worker at once
    /// (<see cref="NotificationSignals.NextOutboxWrite"/>).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Test hook: return true to fail after an entry was sent and before it is recorded (a crash).</summary>
    public Func<OutboxEntry, bool>? CrashAfterSend { get; set; }

    public async Task RunAsync(CancellationToken ct)
    {
        // The lanes running now, by destination. Only this loop touches it; a lane still sending is not started again,
        // so its entries (still in the outbox until recorded) are never sent twice at once.
        var running = new Dictionary<string, Task<int>>(StringComparer.Ordinal);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var written = signals.NextOutboxWrite;
                try
                {
                    foreach (var finished in running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList())
                    {
                        await Observe(running[finished]);
                        running.Remove(finished);
                    }

                    foreach (var lane in await PlanAsync(ct))
                    {
                        if (!running.ContainsKey(lane.Key))
                        {
                            running[lane.Key] = DeliverLaneAsync(lane.Value, ct);
                        }
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogDeliveryFailed(ex);
                }

                try
                {
                    // New entries, a lane that finished (its destination may have more), or retries falling due.
                    await Task.WhenAny([written, .. running.Values]).WaitAsync(PollInterval, ct);
                }
                catch (TimeoutException)
                {
                }
            }
        }
        finally
        {
            foreach (var lane in running.Values)
            {
                await Observe(lane);
            }
        }
    }

    /// <summary>
    /// The outbox by destination: all mail in one lane (one SMTP connection, one mail at a time, daily digests last),
    /// each webhook endpoint in a lane of its own. Each lane is in the order things happened, so a destination hears of
    /// them in that order and its calls never overlap; a slow or failing endpoint, retried with back-off, holds up only
    /// its own lane, not every other partner's calls and everyone's mail.
    /// </summary>
    private async Task<Dictionary<string, List<(StoredView Stored, OutboxEntry Entry)>[]>> PlanAsync(CancellationToken ct)
    {
        await RegisterAsync(ct);
        var pending = (await views.ListAsync(NotificationViews.Outbox, audiences: null, ct))
            .Where(s => s.Json is not null)
            .Select(s => (Stored: s, Entry: JsonSerializer.Deserialize<OutboxEntry>(s.Json!, NotificationJson.Options)!))
            .OrderBy(p => p.Entry.Notification.Position)
            .ThenBy(p => p.Entry.Notification.At)
            .ThenBy(p => p.Entry.Id)
            .ToList();
        var today = DistrictTime.Today(time);
        var lanes = new Dictionary<string, List<(StoredView Stored, OutboxEntry Entry)>[]>(StringComparer.Ordinal);
        foreach (var lane in pending.Where(p => !p.Entry.Digest).GroupBy(p => LaneOf(p.Entry)))
        {
            lanes[lane.Key] = [.. lane.Select(p => new List<(StoredView Stored, OutboxEntry Entry)> { p })];
        }

        var digests = pending.Where(p => p.Entry.Digest && DistrictTime.DateOf(p.Entry.Notification.At) < today)
            .GroupBy(p => (p.Entry.Recipient, Day: DistrictTime.DateOf(p.Entry.Notification.At)))
            .Select(day => day.ToList())
            .ToList();
        if (digests.Count > 0)
        {
            lanes[MailLane] = [.. lanes.GetValueOrDefault(MailLane) ?? [], .. digests];
        }

        return lanes;
    }

    private static string LaneOf(OutboxEntry entry) => entry.Channel == NotificationChannel.Email ? MailLane : entry.DeliveryLog ?? entry.Recipient;

    private async Task<int> DeliverLaneAsync(List<(StoredView Stored, OutboxEntry Entry)>[] deliveries, CancellationToken ct)
    {
        await Task.Yield();
        var recorded = 0;
        try
        {
            foreach (var delivery in deliveries)
            {
                recorded += await DeliverAsync(delivery, ct);
            }
        }
        finally
        {
            if (deliveries[0][0].Entry.Channel == NotificationChannel.Email)
            {
                // The lane's mails shared one SMTP connection; it is not kept idle until the next round.
                await mailer.CloseAsync();
            }
        }

        return recorded;
    }

    private async Task Observe(Task<int> lane)
    {
        try
        {
            await lane;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDeliveryFailed(ex);
        }
    }

    private async Task<int> DeliverAsync(IReadOnlyList<(StoredView Stored, OutboxEntry Entry)> entries, CancellationToken ct)
    {
        var first = entries[0].Entry;
        IReadOnlyList<DeliveryAttempt> attempts;
        if (first.Channel == NotificationChannel.Email)
        {
            if (!mailer.IsConfigured)
            {
                return 0;
            }

            var text = entries.Count == 1 && !first.Digest
                ? templates.Render(first.Notification, first.Language, options.Value.DashboardUrl)
                : templates.RenderDigest([.. entries.Select(e => e.Entry.Notification)], first.Language, DistrictTime.DateOf(first.Notification.At));
            var id = entries.Count == 1 ? first.Id : NotificationIds.Delivery(first.Notification.Id, first.Recipient + "|digest", NotificationChannel.Email);
            try
            {
                await mailer.SendAsync(id, first.Address!, text, ct);
                attempts = [new DeliveryAttempt(id, first.Notification.Id, 1, 250, null, time.GetUtcNow())];
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The SMTP server is unreachable or refused: the entry stays in the outbox and is tried on the next round.
                LogMailFailed(ex, first.Address!);
                return 0;
            }
        }
        else
        {
            attempts = await webhooks.SendAsync(first, Guid.Parse(first.Recipient.AsSpan("org:".Length)), ct);
        }

        if (CrashAfterSend?.Invoke(first) == true)
        {
            throw new InvalidOperationException($"Simulated crash after sending {first.Id} and before recording it.");
        }

        await RecordAsync(entries, attempts, first.DeliveryLog, ct);
        return entries.Count;
    }

    private async Task RecordAsync(IReadOnlyList<(StoredView Stored, OutboxEntry Entry)> entries, IReadOnlyList<DeliveryAttempt> attempts, string? logKey, CancellationToken ct)
    {
        var last = attempts[^1];
        await using var reads = views.OpenReads();
        DeliveryLog? log = null;
        if (logKey is not null && await reads.ReadAsync(Deliveries, generations[Deliveries], logKey, ct) is { Json: { } json })
        {
            log = JsonSerializer.Deserialize<DeliveryLog>(json, NotificationJson.Options);
        }

        await using var transaction = await views.BeginAsync(ct);
        foreach (var (stored, entry) in entries)
        {
            transaction.Write(NotificationViews.Outbox, generations[NotificationViews.Outbox], stored.Key, stored.Position, ViewScope.OfficeOnly, (string?)null);
            if (!last.Succeeded)
            {
                transaction.Write(DeadLetters, generations[DeadLetters], entry.Id.ToString(), stored.Position, ViewScope.OfficeOnly,
                    JsonSerializer.Serialize(new DeadLetter(entry, attempts.Count, last.Error!, time.GetUtcNow()), NotificationJson.Options));
            }
        }

        if (logKey is not null)
        {
            var updated = new DeliveryLog([.. (log?.Attempts ?? []).Concat(attempts).TakeLast(DeliveryLog.Capacity)]);
            transaction.Write(Deliveries, generations[Deliveries], logKey, entries[0].Stored.Position, ViewScope.OfficeOnly, JsonSerializer.Serialize(updated, NotificationJson.Options));
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>Puts a dead letter back in the outbox, to be tried again from the first try.</summary>
    public async Task<bool> ReplayAsync(Guid delivery, CancellationToken ct)
    {
        await RegisterAsync(ct);
        if (await views.GetAsync(DeadLetters, delivery.ToString(), ct) is not { Json: { } json } stored)
        {
            return false;
        }

        var dead = JsonSerializer.Deserialize<DeadLetter>(json, NotificationJson.Options)!;
        await using var transaction = await views.BeginAsync(ct);
        transaction.Write(NotificationViews.Outbox, generations[NotificationViews.Outbox], dead.Entry.Id.ToString(), stored.Position, ViewScope.OfficeOnly,
            JsonSerializer.Serialize(dead.Entry, NotificationJson.Options));
        transaction.Write(DeadLetters, generations[DeadLetters], delivery.ToString(), stored.Position, ViewScope.OfficeOnly, (string?)null);
        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task RegisterAsync(CancellationToken ct)
    {
        if (generations.Count > 0)
        {
            return;
        }

        foreach (var view in new[] { NotificationViews.Outbox, DeadLetters, Deliveries })
        {
            generations[view] = (await views.RegisterAsync(view, NotificationReactor.ViewVersion, ct)).Generation;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification delivery failed; it is tried again.")]
    private partial void LogDeliveryFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail to {Address} could not be sent; it stays in the outbox.")]
    private partial void LogMailFailed(Exception exception, string address);
}

/// <summary>Delivers the outbox while this node leads, so two nodes never send the same entry at once.</summary>
public sealed class NotificationDeliveryService(NotificationDelivery delivery, Cluster.ILeaderGate gate, ILogger<NotificationDeliveryService> logger)
    : Cluster.LeaderBackgroundService(gate, logger)
{
    protected override Task RunWhileLeadingAsync(CancellationToken leading) => delivery.RunAsync(leading);
}

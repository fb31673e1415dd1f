using Collaboration.Audit;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.TalentCases;
using Collaboration.Domain.Visibility;
using Collaboration.EventStore;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// Who hears of a trigger: the item's followers, and automatically its owner (a commitment's owning organisation),
/// assignees (a case's officer, a feedback item's department) and author (a feedback item's observer), plus the
/// party a package was delivered to and the organisation that referred a case. Every recipient is then put to the
/// <see cref="VisibilityPolicy"/> as the viewer it is, with the item's current facts: one the policy refuses hears
/// nothing. The actor who caused the event is not told of it.
/// </summary>
public sealed class NotificationRecipients(IEventStore store, EventSerializer serializer, VisibilityPolicy policy, Microsoft.Extensions.Options.IOptions<NotificationOptions> options)
{
    internal async Task NotifyAsync(ReactorBatch batch, NotificationTrigger trigger, object? @event, long position, string? actor, CancellationToken ct)
    {
        var state = await StateAsync(batch, trigger.Stream, ct);
        var memorandum = state is ExistingCommitment c ? await StateAsync(batch, MemorandumDecider.StreamName(c.File.Memorandum), ct) as MemorandumState : null;
        var facts = StateFacts.Of(ItemFacts.OfStream(trigger.Stream), state, memorandum);
        var item = ItemFacts.OfStream(trigger.Stream);
        var notification = new InboxItem(
            NotificationIds.Of(trigger), position, trigger.Kind, trigger.Stream, StreamCatalogue.Of(trigger.Stream)?.Module ?? "unknown", item.Id ?? Guid.Empty, trigger.Title, trigger.At, Read: false);

        foreach (var (inbox, viewer) in await CandidatesAsync(batch, trigger.Stream, state, @event, ct))
        {
            if (actor is not null && inbox == NotificationViews.UserInbox(actor))
            {
                continue;
            }

            if (!MayHear(policy.Decide(viewer, facts), trigger.Kind, facts))
            {
                continue;
            }

            var subscriber = inbox.StartsWith("user:", StringComparison.Ordinal)
                ? await batch.GetAsync<SubscriberDocument>(NotificationViews.Subscribers, inbox, ct)
                : null;
            await DeliverAsync(batch, inbox, subscriber?.Preferences, notification, ct);
        }
    }

    /// <summary>
    /// The policy admits the recipient to the item; a report under review is also a field the policy may withhold
    /// (another owner's draft), so news of one goes only to those the verdict shows it to.
    /// </summary>
    private static bool MayHear(Verdict verdict, NotificationKind kind, ItemFacts facts) =>
        !verdict.Refused && (kind is not (NotificationKind.ReportSubmitted or NotificationKind.ReportReturned) || verdict.ShowsReport(facts.Owner, approved: false));

    private async Task DeliverAsync(ReactorBatch batch, string inbox, NotificationPreferencesChanged? preferences, InboxItem notification, CancellationToken ct)
    {
        if (Carries(preferences, NotificationChannel.Inbox, notification.Kind))
        {
            await InboxRows.AddAsync(batch, inbox, notification, ct);
        }

        if (options.Value.Smtp.IsConfigured && preferences is { Email: { Length: > 0 } address } && Carries(preferences, NotificationChannel.Email, notification.Kind))
        {
            var id = NotificationIds.Delivery(notification.Id, inbox, NotificationChannel.Email);
            batch.Put(NotificationViews.Outbox, id.ToString(), new OutboxEntry(id, NotificationChannel.Email, inbox, address, preferences.Language, preferences.DailyDigest, notification));
        }

        // A partner organisation's system hears of what the organisation hears of, when the office configured its webhook.
        if (inbox.StartsWith("org:", StringComparison.Ordinal) && Guid.TryParse(inbox.AsSpan(4), out var partner) && options.Value.WebhookOf(partner) is not null)
        {
            var id = NotificationIds.Delivery(notification.Id, inbox, NotificationChannel.Webhook);
            batch.Put(NotificationViews.Outbox, id.ToString(), new OutboxEntry(id, NotificationChannel.Webhook, inbox, null, Language.Zh, false, notification));
        }

        // And each endpoint the office registered for it through the API.
        if (inbox.StartsWith("org:", StringComparison.Ordinal) && Guid.TryParse(inbox.AsSpan(4), out var owner)
            && await batch.GetAsync<WebhookDirectory>(NotificationViews.Webhooks, WebhookDirectory.Key, ct) is { } directory)
        {
            foreach (var endpoint in directory.EnabledFor(owner))
            {
                var id = NotificationIds.Delivery(notification.Id, $"{inbox}|{OutboxEntry.WebhookLogKey(endpoint.Id)}", NotificationChannel.Webhook);
                batch.Put(NotificationViews.Outbox, id.ToString(), new OutboxEntry(id, NotificationChannel.Webhook, inbox, null, Language.Zh, false, notification, endpoint.Id));
            }
        }
    }

    /// <summary>Without preferences a user gets the inbox only; a channel not mentioned in them is off, except the inbox.</summary>
    private static bool Carries(NotificationPreferencesChanged? preferences, NotificationChannel channel, NotificationKind kind)
    {
        if (preferences?.Channels.FirstOrDefault(c => c.Channel == channel) is { } set)
        {
            return set.Carries(kind);
        }

        return channel == NotificationChannel.Inbox;
    }

    private static async Task<IReadOnlyList<(string Inbox, Viewer Viewer)>> CandidatesAsync(
        ReactorBatch batch, string stream, object state, object? @event, CancellationToken ct)
    {
        var candidates = new Dictionary<string, Viewer>(StringComparer.Ordinal);
        void Organisation(Guid? org)
        {
            if (org is { } id)
            {
                candidates[VisibilityPolicy.OrganisationAudience(id)] = new Viewer(ViewerRole.Partner, Organisation: id);
            }
        }

        if (await batch.GetAsync<FollowersDocument>(NotificationViews.Followers, stream, ct) is { } followers)
        {
            foreach (var user in followers.Users)
            {
                candidates[NotificationViews.UserInbox(user.User)] = user.ToViewer();
            }
        }

        switch (state)
        {
            case ExistingCommitment commitment:
                Organisation(commitment.File.Owner.Value);
                break;
            case TalentCaseState @case when FileOf(@case) is { } file:
                Organisation(file.ReferredBy?.Value);
                if (file.Assignment is { Officer: { Length: > 0 } officer })
                {
                    candidates[NotificationViews.UserInbox(officer)] = new Viewer(ViewerRole.Office, User: officer);
                }

                break;
            case FeedbackState feedback when FeedbackView.Of(feedback) is { } view:
                candidates[VisibilityPolicy.ObserverAudience(view.Item.Observer.Value)] = new Viewer(ViewerRole.Observer, Observer: view.Item.Observer.Value);
                Organisation(view.Routing?.Department.Value);
                break;
        }

        if (@event is PolicyPackageDelivered delivered)
        {
            Organisation(delivered.Party.Value);
        }

        return [.. candidates.Select(c => (c.Key, c.Value))];
    }

    private static TalentCaseFile? FileOf(TalentCaseState state) => state switch
    {
        TalentCaseState.Open o => o.File,
        TalentCaseState.AwaitingInformation a => a.File,
        TalentCaseState.Resolved r => r.File,
        TalentCaseState.Rejected r => r.File,
        _ => null,
    };

    /// <summary>The item's state now (once per batch): the policy decides on current relationships.</summary>
    internal async ValueTask<object> StateAsync(ReactorBatch batch, string stream, CancellationToken ct)
    {
        if (batch.States.TryGetValue(stream, out var known))
        {
            return known;
        }

        object state = new object();
        if (AggregateFolds.For(stream) is { } fold)
        {
            state = fold.Initial;
            await foreach (var recorded in store.ReadStreamAsync(stream, ct: ct))
            {
                state = fold.Evolve(state, serializer.Deserialize(recorded));
            }
        }

        batch.RememberState(stream, state);
        return state;
    }
}

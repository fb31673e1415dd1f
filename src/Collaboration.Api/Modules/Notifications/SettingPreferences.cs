using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Notifications;
using Mediator;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>Body of <c>PUT /api/v1/notifications/preferences</c>, and what <c>GET</c> answers.</summary>
/// <param name="Language">The language of texts and mails: <c>Zh</c> or <c>En</c>.</param>
/// <param name="Email">Where e-mails go (required when the e-mail channel is on).</param>
/// <param name="Channels">Each channel on or off, with the kinds it carries (empty: every kind). A channel left out is off, except the inbox.</param>
/// <param name="DailyDigest">True: e-mails come as one digest a day instead of one by one.</param>
public sealed record NotificationPreferencesBody(Language Language, IReadOnlyList<ChannelPreference> Channels, bool DailyDigest, string? Email = null);

[AllowedRoles(CallerRole.Office, CallerRole.Partner, CallerRole.Observer)]
public sealed record SetNotificationPreferencesRequest(Caller Caller, WriteOptions Options, NotificationPreferencesBody Body) : IWrite;

public sealed class SetNotificationPreferencesValidator : IValidator<SetNotificationPreferencesRequest>
{
    public void Validate(SetNotificationPreferencesRequest request, ValidationErrors errors)
    {
        var body = request.Body;
        errors.MaxLength("email", body.Email, 254);
        if (body.Email is { Length: > 0 } email && !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            errors.Add("email", "Not an e-mail address.");
        }

        var channels = body.Channels ?? [];
        if (channels.Any(c => c.Kinds is null) || channels.GroupBy(c => c.Channel).Any(g => g.Count() > 1))
        {
            errors.Add("channels", "Each channel at most once, each with a list of kinds (empty for every kind).");
        }

        if (channels.Any(c => c is { Channel: NotificationChannel.Email, Enabled: true }) && string.IsNullOrWhiteSpace(body.Email))
        {
            errors.Add("email", "Required when the e-mail channel is on.");
        }

        if (channels.Any(c => c is { Channel: NotificationChannel.Webhook, Enabled: true }))
        {
            errors.Add("channels", "Webhooks are set per partner organisation, not per user.");
        }
    }
}

public sealed class SetNotificationPreferencesHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<SetNotificationPreferencesRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(SetNotificationPreferencesRequest request, CancellationToken cancellationToken)
    {
        var identity = NotificationIdentity.Of(request.Caller);
        var body = request.Body;
        return await executor.ExecuteAsync<SubscriberDecider, SubscriberState, ISubscriberCommand, ISubscriberEvent>(
            SubscriberDecider.IdOf(identity.User),
            SubscriberDecider.StreamName(identity.User),
            StreamIntent.Create,
            _ => new ChangeNotificationPreferences(identity, body.Language, body.Email, body.Channels ?? [], body.DailyDigest, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken);
    }
}

/// <summary>The caller's preferences (the defaults, inbox only in Chinese, until they set any).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner, CallerRole.Observer)]
public sealed record GetNotificationPreferencesRequest(Caller Caller) : IRead<NotificationPreferencesBody>;

public sealed class GetNotificationPreferencesHandler(StreamExecutor executor) : IQueryHandler<GetNotificationPreferencesRequest, QueryOutcome<NotificationPreferencesBody>>
{
    public async ValueTask<QueryOutcome<NotificationPreferencesBody>> Handle(GetNotificationPreferencesRequest request, CancellationToken cancellationToken)
    {
        var loaded = await executor.LoadAsync<SubscriberDecider, SubscriberState, ISubscriberCommand, ISubscriberEvent>(
            SubscriberDecider.StreamName(request.Caller.Id), cancellationToken);
        var p = loaded.State.Preferences;
        return QueryOutcome<NotificationPreferencesBody>.Of(
            p is null
                ? new NotificationPreferencesBody(Language.Zh, [new ChannelPreference(NotificationChannel.Inbox, true, [])], false)
                : new NotificationPreferencesBody(p.Language, p.Channels, p.DailyDigest, p.Email),
            loaded.Revision);
    }
}

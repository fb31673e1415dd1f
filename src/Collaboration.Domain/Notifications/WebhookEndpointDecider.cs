using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Notifications;

/// <summary>
/// A partner's webhook endpoint, registered by the office at run time. Disabling is final (register a new endpoint to
/// resume) and disabling twice records nothing; a disabled endpoint's secret cannot be rotated.
/// </summary>
public sealed class WebhookEndpointDecider : IDecider<WebhookEndpointState, IWebhookCommand, IWebhookEvent>
{
    public static WebhookEndpointState Initial => WebhookEndpointState.None;

    public static string StreamName(Guid webhook) => StreamCatalogue.Webhooks.StreamOf(webhook);

    public static Decision<IWebhookEvent> Decide(IWebhookCommand command, WebhookEndpointState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        return command switch
        {
            RegisterWebhookEndpoint when state.Exists => DomainError.Conflict(
                "notification.webhook-exists", "This webhook endpoint is already registered.", "该回调地址已登记。"),
            RegisterWebhookEndpoint r => new IWebhookEvent[] { new WebhookEndpointRegistered(r.Webhook, r.Partner, r.Url, r.SecretKey, r.At) },
            DisableWebhookEndpoint when state.Disabled => Decision<IWebhookEvent>.Accept(),
            DisableWebhookEndpoint d => new IWebhookEvent[] { new WebhookEndpointDisabled(d.Webhook, d.At) },
            RotateWebhookSecret when state.Disabled => DomainError.Rule(
                "notification.webhook-disabled", "A disabled webhook endpoint's secret cannot be rotated; register a new endpoint.", "回调地址已停用，不能更换密钥；请登记新的回调地址。"),
            RotateWebhookSecret r => new IWebhookEvent[] { new WebhookSecretRotated(r.Webhook, r.SecretKey, r.At) },
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown webhook command."),
        };
    }

    public static WebhookEndpointState Evolve(WebhookEndpointState state, IWebhookEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            WebhookEndpointRegistered r => new WebhookEndpointState(true, r.Partner, r.Url, r.SecretKey, false, r.At, null, null),
            WebhookSecretRotated r => state with { SecretKey = r.SecretKey, RotatedAt = r.At },
            WebhookEndpointDisabled d => state with { Disabled = true, DisabledAt = d.At },
            _ => state,
        };
    }
}

using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Notifications;

/// <summary>
/// The office registered an endpoint of a partner's system that hears what the partner's organisation hears of.
/// <paramref name="SecretKey"/> names the signing secret in the key store; the secret itself is never in the log.
/// </summary>
[EventType("notification.webhook-registered.v1")]
public sealed record WebhookEndpointRegistered(Guid Webhook, Guid Partner, Uri Url, Guid SecretKey, DateTimeOffset At) : IWebhookEvent;

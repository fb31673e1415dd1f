using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Notifications;

/// <summary>The endpoint's calls are signed with a new secret from now on (named by <paramref name="SecretKey"/> in the key store).</summary>
[EventType("notification.webhook-secret-rotated.v1")]
public sealed record WebhookSecretRotated(Guid Webhook, Guid SecretKey, DateTimeOffset At) : IWebhookEvent;

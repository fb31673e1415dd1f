using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Notifications;

/// <summary>The endpoint is called no more; what was still waiting for it becomes a dead letter.</summary>
[EventType("notification.webhook-disabled.v1")]
public sealed record WebhookEndpointDisabled(Guid Webhook, DateTimeOffset At) : IWebhookEvent;

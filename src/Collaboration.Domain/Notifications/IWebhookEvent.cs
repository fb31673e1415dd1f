namespace Collaboration.Domain.Notifications;

/// <summary>An event on a partner webhook endpoint's stream (<c>webhook-{id}</c>): registered, secret rotated, disabled.</summary>
public interface IWebhookEvent
{
    Guid Webhook { get; }
}

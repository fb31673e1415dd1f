namespace Collaboration.Domain.Notifications;

/// <summary>A command on a partner webhook endpoint's stream.</summary>
public interface IWebhookCommand
{
    Guid Webhook { get; }
}

/// <summary>Register an endpoint; the secret was already put in the key store under <paramref name="SecretKey"/>.</summary>
public sealed record RegisterWebhookEndpoint(Guid Webhook, Guid Partner, Uri Url, Guid SecretKey, DateTimeOffset At) : IWebhookCommand;

public sealed record RotateWebhookSecret(Guid Webhook, Guid SecretKey, DateTimeOffset At) : IWebhookCommand;

public sealed record DisableWebhookEndpoint(Guid Webhook, DateTimeOffset At) : IWebhookCommand;

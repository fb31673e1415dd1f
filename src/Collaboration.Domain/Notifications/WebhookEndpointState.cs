namespace Collaboration.Domain.Notifications;

/// <summary>A partner webhook endpoint as its events left it (<see cref="Exists"/> false before registration).</summary>
public sealed record WebhookEndpointState(bool Exists, Guid Partner, Uri? Url, Guid SecretKey, bool Disabled, DateTimeOffset? RegisteredAt, DateTimeOffset? RotatedAt, DateTimeOffset? DisabledAt)
{
    public static WebhookEndpointState None { get; } = new(false, Guid.Empty, null, Guid.Empty, false, null, null, null);
}

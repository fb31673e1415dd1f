using Collaboration.Domain.Notifications;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>A registered partner webhook endpoint as the office lists it; never its secret.</summary>
/// <param name="Id">The endpoint's id.</param>
/// <param name="Partner">The partner organisation whose notifications it receives.</param>
/// <param name="Url">Where the calls go.</param>
/// <param name="Enabled">False once disabled.</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="SecretRotatedAt">When its secret was last rotated, if ever.</param>
/// <param name="DisabledAt">When it was disabled, if it was.</param>
public sealed record WebhookEndpoint(Guid Id, Guid Partner, Uri Url, bool Enabled, DateTimeOffset RegisteredAt, DateTimeOffset? SecretRotatedAt, DateTimeOffset? DisabledAt)
{
    public static WebhookEndpoint Of(Guid id, WebhookEndpointState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(id, state.Partner, state.Url!, !state.Disabled, state.RegisteredAt!.Value, state.RotatedAt, state.DisabledAt);
    }
}

/// <summary>
/// The reactor's fold of the webhook events (<see cref="NotificationViews.Webhooks"/>, one document): which endpoints
/// a partner's notifications go to, as of the batch that produces them, so an endpoint registered at a position hears
/// of what happens after it.
/// </summary>
public sealed record WebhookDirectory(IReadOnlyList<WebhookEndpoint> Endpoints)
{
    public const string Key = "endpoints";

    public IEnumerable<WebhookEndpoint> EnabledFor(Guid partner) => Endpoints.Where(e => e.Partner == partner && e.Enabled);

    internal static async Task ApplyAsync(ReactorBatch batch, IWebhookEvent @event, CancellationToken ct)
    {
        var directory = await batch.GetAsync<WebhookDirectory>(NotificationViews.Webhooks, Key, ct) ?? new WebhookDirectory([]);
        var known = directory.Endpoints.FirstOrDefault(e => e.Id == @event.Webhook);
        WebhookEndpoint? changed = (@event, known) switch
        {
            (WebhookEndpointRegistered r, null) => new WebhookEndpoint(r.Webhook, r.Partner, r.Url, true, r.At, null, null),
            (WebhookSecretRotated r, { } e) => e with { SecretRotatedAt = r.At },
            (WebhookEndpointDisabled d, { } e) => e with { Enabled = false, DisabledAt = d.At },
            _ => null,
        };
        if (changed is not null)
        {
            batch.Put(NotificationViews.Webhooks, Key, new WebhookDirectory([.. directory.Endpoints.Where(e => e.Id != changed.Id), changed]));
        }
    }
}

using System.Text.Json;
using Collaboration.Api.Application;
using Collaboration.Domain.Notifications;
using Collaboration.Projections.Running;
using Mediator;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>The registered webhook endpoints (office only), one partner's or all, oldest first; never a secret.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record ListWebhooksRequest(Caller Caller, Guid? Partner) : IRead<IReadOnlyList<WebhookEndpoint>>;

public sealed class ListWebhooksHandler(IViewReader views) : IQueryHandler<ListWebhooksRequest, QueryOutcome<IReadOnlyList<WebhookEndpoint>>>
{
    public async ValueTask<QueryOutcome<IReadOnlyList<WebhookEndpoint>>> Handle(ListWebhooksRequest request, CancellationToken cancellationToken)
    {
        var directory = await views.GetAsync(NotificationViews.Webhooks, WebhookDirectory.Key, cancellationToken) is { Json: { } json }
            ? JsonSerializer.Deserialize<WebhookDirectory>(json, NotificationJson.Options)!
            : new WebhookDirectory([]);
        return QueryOutcome<IReadOnlyList<WebhookEndpoint>>.Of(
            [.. directory.Endpoints.Where(e => request.Partner is null || e.Partner == request.Partner).OrderBy(e => e.RegisteredAt).ThenBy(e => e.Id)]);
    }
}

/// <summary>One registered webhook endpoint as it is now (office only); its revision is the ETag.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record GetWebhookRequest(Caller Caller, Guid Webhook) : IRead<WebhookEndpoint>;

public sealed class GetWebhookHandler(StreamExecutor executor) : IQueryHandler<GetWebhookRequest, QueryOutcome<WebhookEndpoint>>
{
    public async ValueTask<QueryOutcome<WebhookEndpoint>> Handle(GetWebhookRequest request, CancellationToken cancellationToken)
    {
        var loaded = await executor.LoadAsync<WebhookEndpointDecider, WebhookEndpointState, IWebhookCommand, IWebhookEvent>(
            WebhookEndpointDecider.StreamName(request.Webhook), cancellationToken);
        return loaded.Exists
            ? QueryOutcome<WebhookEndpoint>.Of(WebhookEndpoint.Of(request.Webhook, loaded.State), loaded.Revision)
            : QueryOutcome<WebhookEndpoint>.Missing();
    }
}

/// <summary>The latest tries at one registered endpoint, oldest first (office only).</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record GetWebhookEndpointDeliveriesRequest(Caller Caller, Guid Webhook) : IRead<IReadOnlyList<DeliveryAttempt>>;

public sealed class GetWebhookEndpointDeliveriesHandler(StreamExecutor executor, IViewReader views)
    : IQueryHandler<GetWebhookEndpointDeliveriesRequest, QueryOutcome<IReadOnlyList<DeliveryAttempt>>>
{
    public async ValueTask<QueryOutcome<IReadOnlyList<DeliveryAttempt>>> Handle(GetWebhookEndpointDeliveriesRequest request, CancellationToken cancellationToken)
    {
        var loaded = await executor.LoadAsync<WebhookEndpointDecider, WebhookEndpointState, IWebhookCommand, IWebhookEvent>(
            WebhookEndpointDecider.StreamName(request.Webhook), cancellationToken);
        if (!loaded.Exists)
        {
            return QueryOutcome<IReadOnlyList<DeliveryAttempt>>.Missing();
        }

        return QueryOutcome<IReadOnlyList<DeliveryAttempt>>.Of(
            await views.GetAsync(NotificationDelivery.Deliveries, OutboxEntry.WebhookLogKey(request.Webhook), cancellationToken) is { Json: { } json }
                ? JsonSerializer.Deserialize<DeliveryLog>(json, NotificationJson.Options)!.Attempts
                : []);
    }
}

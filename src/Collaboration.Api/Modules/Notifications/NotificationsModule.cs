using Collaboration.Api.Application;
using Collaboration.Domain.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Collaboration.Api.Http;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Visibility;
using Mediator;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// Notifications (issue 16, ADR 0024): following items, preferences, the in-app inbox, and the reactor that produces
/// notifications from the log and the clock.
/// </summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services
            .AddSingleton<IValidator<FollowItemRequest>, FollowItemValidator>()
            .AddSingleton<IValidator<SetNotificationPreferencesRequest>, SetNotificationPreferencesValidator>()
            .AddSingleton<IValidator<RegisterWebhookRequest>, RegisterWebhookValidator>()
            .AddSingleton<WebhookSecrets>()
            .AddSingleton<NotificationSignals>()
            .AddSingleton<NotificationRecipients>()
            .AddSingleton<NotificationInboxes>()
            .AddSingleton<NotificationReactor>()
            .AddSingleton<EmailTemplates>()
            .AddSingleton<SmtpMailer>()
            .AddSingleton<WebhookSender>()
            .AddSingleton<NotificationDelivery>();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        // Registered the way the projections' service is, so whatever decides which node runs singleton work covers it too.
        services.AddHostedService<NotificationService>();
        services.AddHostedService<NotificationDeliveryService>();
        services.AddHostedService<NotificationPush>();
        return services;
    }

    public static void MapNotifications(this IEndpointRouteBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");

        notifications.MapGet("/", (int? limit, string? after, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new ListNotificationsRequest(caller, limit, after)))
            .For<ListNotificationsRequest>()
            .ShowsItems(null, "the caller's own inboxes; each notification only while its item is visible to the caller")
            .WithName("ListNotifications")
            .WithSummary("My notifications, newest first, with the unread count · 我的通知");

        notifications.MapPost("/{id:guid}/read", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new MarkNotificationsReadRequest(caller, options, id)))
            .For<MarkNotificationsReadRequest>()
            .WithName("MarkNotificationRead")
            .WithSummary("Mark one notification read · 标记为已读");

        notifications.MapPost("/read-all", (HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new MarkNotificationsReadRequest(caller, options, null)))
            .For<MarkNotificationsReadRequest>()
            .WithName("MarkAllNotificationsRead")
            .WithSummary("Mark all my notifications read · 全部标记为已读");

        notifications.MapGet("/follows", (HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new ListFollowsRequest(caller)))
            .For<ListFollowsRequest>()
            .ShowsItems(null, "the caller's own subscriptions")
            .WithName("ListFollows")
            .WithSummary("Items I follow · 我关注的事项");

        notifications.MapPost("/follows", (FollowBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new FollowItemRequest(caller, options, body.Item, body.Id, Follow: true)))
            .For<FollowItemRequest>()
            .WithName("FollowItem")
            .WithSummary("Follow a memorandum, commitment, talent case or feedback item · 关注事项");

        notifications.MapDelete("/follows/{item}/{id:guid}", (string item, Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new FollowItemRequest(caller, options, item, id, Follow: false)))
            .For<FollowItemRequest>()
            .WithName("UnfollowItem")
            .WithSummary("Stop following an item · 取消关注");

        notifications.MapGet("/preferences", (HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new GetNotificationPreferencesRequest(caller)))
            .For<GetNotificationPreferencesRequest>()
            .ShowsItems(null, "the caller's own preferences")
            .WithName("GetNotificationPreferences")
            .WithSummary("My notification preferences · 我的通知设置");

        notifications.MapPut("/preferences", (NotificationPreferencesBody body, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new SetNotificationPreferencesRequest(caller, options, body)))
            .For<SetNotificationPreferencesRequest>()
            .WithName("SetNotificationPreferences")
            .WithSummary("Set my notification preferences (channels, kinds, language, daily digest) · 设置通知偏好");

        MapDeliveries(notifications);
        MapWebhooks(notifications.MapGroup("/webhooks"));
    }

    private static void MapWebhooks(RouteGroupBuilder webhooks)
    {
        webhooks.MapPost("/", RegisterWebhookAsync)
            .For<RegisterWebhookRequest>()
            .WithName("RegisterWebhook")
            .WithSummary("Register a partner's webhook endpoint; the answer holds its signing secret, shown only here · 登记合作方回调地址");

        webhooks.MapGet("/", (Guid? partner, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new ListWebhooksRequest(caller, partner)))
            .For<ListWebhooksRequest>()
            .ShowsItems(ItemKind.Unknown, "office only: the registered partner webhook endpoints, without their secrets")
            .WithName("ListWebhooks")
            .WithSummary("Registered partner webhook endpoints (optionally one partner's) · 合作方回调地址");

        webhooks.MapGet("/{id:guid}", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new GetWebhookRequest(caller, id)))
            .For<GetWebhookRequest>()
            .ShowsItems(ItemKind.Unknown, "office only: one registered endpoint, without its secret")
            .WithName("GetWebhook")
            .WithSummary("One partner webhook endpoint · 回调地址详情");

        webhooks.MapPost("/{id:guid}/rotate-secret", RotateWebhookSecretAsync)
            .For<RotateWebhookSecretRequest>()
            .WithName("RotateWebhookSecret")
            .WithSummary("Give a webhook endpoint a new signing secret (the old one is destroyed); the answer holds it, shown only here · 更换回调密钥");

        webhooks.MapPost("/{id:guid}/disable", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new DisableWebhookRequest(caller, options, id)))
            .For<DisableWebhookRequest>()
            .WithName("DisableWebhook")
            .WithSummary("Stop calling a webhook endpoint · 停用回调地址");

        webhooks.MapGet("/{id:guid}/deliveries", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new GetWebhookEndpointDeliveriesRequest(caller, id)))
            .For<GetWebhookEndpointDeliveriesRequest>()
            .ShowsItems(ItemKind.Unknown, "office only: the tries at one registered endpoint")
            .WithName("GetWebhookEndpointDeliveries")
            .WithSummary("A registered webhook endpoint's delivery log · 回调投递记录");
    }

    private static async Task<string?> CurrentSecretAsync(StreamExecutor executor, WebhookSecrets secrets, Guid webhook, CancellationToken ct)
    {
        var loaded = await executor.LoadAsync<WebhookEndpointDecider, WebhookEndpointState, IWebhookCommand, IWebhookEvent>(WebhookEndpointDecider.StreamName(webhook), ct);
        return loaded.Exists ? secrets.SecretOf(loaded.State.SecretKey) : null;
    }

    private static async Task<Results<WebhookRegistered, WriteProblem>> RegisterWebhookAsync(
        RegisterWebhookBody body, HttpContext http, IMediator mediator, StreamExecutor executor, WebhookSecrets secrets)
    {
        var outcome = await Dispatch.SendAsync(http, mediator, (caller, options) => new RegisterWebhookRequest(caller, options, HttpWrite.NewAggregateId(caller, options), body));
        if (outcome is not CommandOutcome.Accepted accepted)
        {
            return outcome.ToProblem();
        }

        return await CurrentSecretAsync(executor, secrets, accepted.AggregateId, http.RequestAborted) is { } secret
            ? new WebhookRegistered(new WebhookSecretReceipt(accepted.AggregateId, accepted.Revision, accepted.Replayed, secret), $"/api/v1/notifications/webhooks/{accepted.AggregateId}")
            : SecretGone(accepted);
    }

    private static async Task<Results<WebhookSecretRotatedResult, WriteProblem>> RotateWebhookSecretAsync(
        Guid id, HttpContext http, IMediator mediator, StreamExecutor executor, WebhookSecrets secrets)
    {
        var outcome = await Dispatch.SendAsync(http, mediator, (caller, options) => new RotateWebhookSecretRequest(caller, options, id));
        if (outcome is not CommandOutcome.Accepted accepted)
        {
            return outcome.ToProblem();
        }

        return await CurrentSecretAsync(executor, secrets, id, http.RequestAborted) is { } secret
            ? new WebhookSecretRotatedResult(new WebhookSecretReceipt(id, accepted.Revision, accepted.Replayed, secret))
            : SecretGone(accepted);
    }

    /// <summary>An accepted write whose secret cannot be read back (rotated again meanwhile): a conflict to retry.</summary>
    private static WriteProblem SecretGone(CommandOutcome.Accepted accepted) => new CommandOutcome.Conflict(accepted.Revision).ToProblem();

    private static void MapDeliveries(RouteGroupBuilder notifications)
    {
        notifications.MapGet("/dead-letters", (HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new ListDeadLettersRequest(caller)))
            .For<ListDeadLettersRequest>()
            .ShowsItems(ItemKind.Unknown, "office only: deliveries that failed their last try")
            .WithName("ListDeadLetters")
            .WithSummary("Failed deliveries · 投递失败的通知");

        notifications.MapPost("/dead-letters/{id:guid}/replay", (Guid id, HttpContext http, IMediator mediator) =>
                Dispatch.WriteAsync(http, mediator, (caller, options) => new ReplayDeadLetterRequest(caller, options, id)))
            .For<ReplayDeadLetterRequest>()
            .WithName("ReplayDeadLetter")
            .WithSummary("Try a failed delivery again · 重新投递");

        notifications.MapGet("/webhook-deliveries", (Guid? partner, HttpContext http, IMediator mediator) =>
                Dispatch.ReadAsync(http, mediator, caller => new GetDeliveryLogRequest(caller, partner)))
            .For<GetDeliveryLogRequest>()
            .ShowsItems(ItemKind.Unknown, "office only: the tries at one partner's webhook")
            .WithName("GetWebhookDeliveries")
            .WithSummary("A partner webhook's delivery log · 回调投递记录");
    }

    public static IEndpointRouteBuilder MapNotificationHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<NotificationHub>(NotificationHub.Path);
        return app;
    }
}

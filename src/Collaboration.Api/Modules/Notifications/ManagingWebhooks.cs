using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Partners;
using Collaboration.EventStore;
using Mediator;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>Body of <c>POST /api/v1/notifications/webhooks</c>.</summary>
/// <param name="Partner">The partner organisation whose notifications the endpoint receives.</param>
/// <param name="Url">The endpoint: an absolute <c>https</c> (or <c>http</c>) address.</param>
public sealed record RegisterWebhookBody(Guid? Partner = null, string? Url = null);

/// <summary>
/// Register a partner's webhook endpoint (office only). The signing secret is made by the server, kept in the key
/// store and shown in this answer only.
/// </summary>
[AllowedRoles(CallerRole.Office)]
public sealed record RegisterWebhookRequest(Caller Caller, WriteOptions Options, Guid Webhook, RegisterWebhookBody Body) : IWrite;

public sealed class RegisterWebhookValidator : IValidator<RegisterWebhookRequest>
{
    public const int MaxUrlLength = 2_000;

    public void Validate(RegisterWebhookRequest request, ValidationErrors errors)
    {
        if (request.Body.Partner is null || request.Body.Partner == Guid.Empty)
        {
            errors.Add("partner", "Required: the partner whose notifications the endpoint receives.");
        }

        if (string.IsNullOrWhiteSpace(request.Body.Url))
        {
            errors.Add("url", "Required.");
        }
        else if (request.Body.Url.Length > MaxUrlLength
                 || !Uri.TryCreate(request.Body.Url, UriKind.Absolute, out var url)
                 || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
                 || !string.IsNullOrEmpty(url.UserInfo))
        {
            errors.Add("url", $"Must be an absolute https or http address without credentials, at most {MaxUrlLength} characters.");
        }
    }
}

public sealed class RegisterWebhookHandler(StreamExecutor executor, IEventStore store, WebhookSecrets secrets, TimeProvider time)
    : ICommandHandler<RegisterWebhookRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(RegisterWebhookRequest request, CancellationToken cancellationToken)
    {
        var partner = request.Body.Partner!.Value;
        if (await store.ReadStreamRevisionAsync(PartnerDecider.StreamName(PartnerId.From(partner)), cancellationToken) is null)
        {
            return CommandOutcome.Invalid(new Dictionary<string, string[]> { ["partner"] = ["No partner has this id."] });
        }

        Guid? issued = null;
        var outcome = await executor.ExecuteAsync<WebhookEndpointDecider, WebhookEndpointState, IWebhookCommand, IWebhookEvent>(
            request.Webhook,
            WebhookEndpointDecider.StreamName(request.Webhook),
            StreamIntent.Create,
            _ => new RegisterWebhookEndpoint(request.Webhook, partner, new Uri(request.Body.Url!), issued ??= secrets.Issue(), time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken);
        if (issued is { } unused && outcome is not CommandOutcome.Accepted { Replayed: false })
        {
            secrets.Shred(unused);
        }

        return outcome;
    }
}

/// <summary>Give a registered endpoint a new signing secret (office only); the old one is destroyed at once.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record RotateWebhookSecretRequest(Caller Caller, WriteOptions Options, Guid Webhook) : IWrite;

public sealed class RotateWebhookSecretHandler(StreamExecutor executor, WebhookSecrets secrets, TimeProvider time)
    : ICommandHandler<RotateWebhookSecretRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(RotateWebhookSecretRequest request, CancellationToken cancellationToken)
    {
        Guid? issued = null;
        Guid? replaced = null;
        var outcome = await executor.ExecuteAsync<WebhookEndpointDecider, WebhookEndpointState, IWebhookCommand, IWebhookEvent>(
            request.Webhook,
            WebhookEndpointDecider.StreamName(request.Webhook),
            StreamIntent.Update,
            state =>
            {
                replaced = state.SecretKey;
                return new RotateWebhookSecret(request.Webhook, issued ??= secrets.Issue(), time.GetUtcNow());
            },
            request.Caller,
            request.Options,
            cancellationToken);
        if (outcome is CommandOutcome.Accepted { Replayed: false } && replaced is { } old)
        {
            secrets.Shred(old);
        }
        else if (issued is { } unused)
        {
            secrets.Shred(unused);
        }

        return outcome;
    }
}

/// <summary>Stop calling a registered endpoint (office only); what was waiting for it becomes a dead letter.</summary>
[AllowedRoles(CallerRole.Office)]
public sealed record DisableWebhookRequest(Caller Caller, WriteOptions Options, Guid Webhook) : IWrite;

public sealed class DisableWebhookHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<DisableWebhookRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(DisableWebhookRequest request, CancellationToken cancellationToken) =>
        await executor.ExecuteAsync<WebhookEndpointDecider, WebhookEndpointState, IWebhookCommand, IWebhookEvent>(
            request.Webhook,
            WebhookEndpointDecider.StreamName(request.Webhook),
            StreamIntent.Update,
            _ => new DisableWebhookEndpoint(request.Webhook, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken);
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Collaboration.Api.Application;
using Collaboration.Domain.Notifications;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// Calls a partner's webhook: a JSON body signed with HMAC-SHA256 under the partner's secret
/// (<c>X-Collaboration-Signature: sha256=&lt;hex&gt;</c>), the delivery's idempotency id in <c>X-Collaboration-Delivery</c>.
/// A 5xx, 408, 429 or an unreachable receiver is retried with exponential backoff and jitter (Polly), up to
/// <see cref="NotificationOptions.WebhookAttempts"/> tries in all.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<NotificationOptions> options, StreamExecutor executor, WebhookSecrets secrets, TimeProvider time)
{
    public const string ClientName = "notification-webhooks";
    public const string SignatureHeader = "X-Collaboration-Signature";
    public const string DeliveryHeader = "X-Collaboration-Delivery";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static byte[] BodyOf(OutboxEntry entry, Guid partner) =>
        JsonSerializer.SerializeToUtf8Bytes(new WebhookBody(entry.Id, partner, entry.Notification), NotificationJson.Options);

    /// <summary>Tries until delivered or out of tries; the tries made, the last one deciding.</summary>
    public async Task<IReadOnlyList<DeliveryAttempt>> SendAsync(OutboxEntry entry, Guid partner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var settings = options.Value;
        var attempts = new List<DeliveryAttempt>();
        var (url, secret, missing) = await TargetAsync(entry, partner, ct);
        if (missing is not null)
        {
            attempts.Add(new DeliveryAttempt(entry.Id, entry.Notification.Id, 1, null, missing, time.GetUtcNow()));
            return attempts;
        }

        var body = BodyOf(entry, partner);
        var signature = Sign(secret!, body);
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(0, settings.WebhookAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.WebhookFirstRetryDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TaskCanceledException>(_ => !ct.IsCancellationRequested)
                    .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests),
            })
            .Build();

        var http = clients.CreateClient(ClientName);
        try
        {
            using var final = await pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
                request.Headers.Add(SignatureHeader, signature);
                request.Headers.Add(DeliveryHeader, entry.Id.ToString());
                try
                {
                    var response = await http.SendAsync(request, token);
                    attempts.Add(new DeliveryAttempt(entry.Id, entry.Notification.Id, attempts.Count + 1, (int)response.StatusCode,
                        response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}", time.GetUtcNow()));
                    return response;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
                {
                    attempts.Add(new DeliveryAttempt(entry.Id, entry.Notification.Id, attempts.Count + 1, null, ex.Message, time.GetUtcNow()));
                    throw;
                }
            }, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // The last try failed to reach the receiver: already recorded in the attempts.
        }

        return attempts;
    }

    /// <summary>
    /// Where the call goes and its secret, read when it is sent: a registered endpoint as it is now (its current secret;
    /// none once disabled), or the partner's configured webhook.
    /// </summary>
    private async Task<(Uri? Url, string? Secret, string? Missing)> TargetAsync(OutboxEntry entry, Guid partner, CancellationToken ct)
    {
        if (entry.Webhook is not { } id)
        {
            return options.Value.WebhookOf(partner) is { } configured
                ? (configured.Url, configured.Secret, null)
                : (null, null, "No webhook is configured for this partner.");
        }

        var endpoint = (await executor.LoadAsync<WebhookEndpointDecider, WebhookEndpointState, IWebhookCommand, IWebhookEvent>(
            WebhookEndpointDecider.StreamName(id), ct)).State;
        if (!endpoint.Exists || endpoint.Disabled)
        {
            return (null, null, "The webhook endpoint is disabled.");
        }

        return secrets.SecretOf(endpoint.SecretKey) is { } secret
            ? (endpoint.Url, secret, null)
            : (null, null, "The webhook endpoint's secret is gone from the key store.");
    }

    private sealed record WebhookBody(Guid Id, Guid Partner, InboxItem Notification);
}

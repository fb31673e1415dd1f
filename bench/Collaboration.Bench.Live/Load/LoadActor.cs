using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Collaboration.Bench.Live.Load;

/// <summary>One signed-in user of the load driver: a bearer token and the HTTP client that carries it.</summary>
internal sealed class LoadActor(string name, HttpClient http, string token)
{
    public string Name { get; } = name;

    public string Token { get; } = token;

    public Task<LoadReply> PostAsync(string path, object? body, string? idempotencyKey = null, bool keepBody = true) =>
        SendAsync(HttpMethod.Post, path, body is null ? null : JsonSerializer.Serialize(body, JsonSerializerOptions.Web), idempotencyKey, keepBody);

    public Task<LoadReply> PostRawAsync(string path, string json, bool keepBody = true) => SendAsync(HttpMethod.Post, path, json, null, keepBody);

    /// <summary>
    /// A GET; with <paramref name="keepBody"/> false a 2xx body is read to its end as bytes and dropped, as a load
    /// generator such as wrk does, instead of decoded into a string nobody reads (the closed-loop phases, ADR 0028).
    /// </summary>
    public Task<LoadReply> GetAsync(string path, bool keepBody = true) => SendAsync(HttpMethod.Get, path, null, null, keepBody);

    private async Task<LoadReply> SendAsync(HttpMethod method, string path, string? json, string? idempotencyKey, bool keepBody)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var started = SharedClock.Now;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            if (keepBody || !response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync();
                return new LoadReply((int)response.StatusCode, text, started, SharedClock.Now);
            }

            await DrainAsync(response.Content);
            return new LoadReply((int)response.StatusCode, string.Empty, started, SharedClock.Now);
        }
        catch (HttpRequestException e)
        {
            return new LoadReply(0, e.Message, started, SharedClock.Now);
        }
        catch (TaskCanceledException e)
        {
            return new LoadReply(0, e.Message, started, SharedClock.Now);
        }
    }

    private static async Task DrainAsync(HttpContent content)
    {
        await using var body = await content.ReadAsStreamAsync();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (await body.ReadAsync(buffer) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>A response as the driver keeps it: status, body, when it was sent and when it was read (<see cref="SharedClock"/>).</summary>
internal readonly record struct LoadReply(int Status, string Body, long Started, long Done)
{
    public bool Ok => Status is >= 200 and < 300;

    public double Milliseconds => SharedClock.Elapsed(Started, Done).TotalMilliseconds;

    /// <summary>The <c>id</c> of a write receipt (the created item for a 201).</summary>
    public Guid Id
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.GetProperty("id").GetGuid();
        }
    }

    public override string ToString() => $"{Status} {(Body.Length > 300 ? Body[..300] : Body)}";
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Reliability.Crash;

/// <summary>A write the tracker answered 2xx: the stream and the revision its ETag named.</summary>
public sealed record Acknowledged(string Stream, long Revision, string Command);

/// <summary>
/// A mixed command load from many concurrent clients: partners with sealed contacts, policies, talent cases, observers,
/// feedback from those observers and the office's acknowledgement of it. Runs until cancelled (or the tracker dies) and
/// remembers every 2xx.
/// </summary>
public sealed class CommandLoad(TrackerProcess tracker, int clients, int seed)
{
    private readonly ConcurrentQueue<Guid> _observers = new();
    private readonly ConcurrentQueue<Guid> _feedback = new();

    public ConcurrentBag<Acknowledged> Acknowledged { get; } = [];

    /// <summary>The status of every answer that was not 2xx.</summary>
    public ConcurrentBag<HttpStatusCode> Refused { get; } = [];

    public int Sent => _sent;

    private int _sent;

    public async Task RunAsync(CancellationToken stop)
    {
        var office = tracker.Token("office.crash", "office");
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(new Random(seed * 1_000 + c), office, stop))));
    }

    private async Task ClientAsync(Random random, string officeToken, CancellationToken stop)
    {
        using var office = tracker.Client(officeToken);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var roll = random.Next(100);
                if (roll < 30)
                {
                    await CreateAsync(office, "/api/v1/partners", "partner", new
                    {
                        kind = "Enterprise",
                        name = new { zh = $"企业 {random.Next()}", en = $"Enterprise {random.Next()}" },
                        contacts = new[] { new { name = "Crash Contact", title = "Liaison", email = $"c{random.Next()}@crash.example", phone = (string?)null } },
                        externalReference = (string?)null,
                    }, stop);
                }
                else if (roll < 45)
                {
                    await CreateAsync(office, "/api/v1/policies", "policy", Scenario.PolicyBody($"Policy {random.Next()}"), stop);
                }
                else if (roll < 65)
                {
                    await CreateAsync(office, "/api/v1/talent-cases", "talent-case", ScenarioObserversAndCases.CaseBody(), stop);
                }
                else if (roll < 75 || _observers.IsEmpty)
                {
                    var today = ScenarioObserversAndCases.TodayInShanghai;
                    if (await CreateAsync(office, "/api/v1/observers", "observer", ScenarioObserversAndCases.ObserverBody(today.AddDays(-30), today.AddDays(365)), stop) is { } observer)
                    {
                        _observers.Enqueue(observer);
                    }
                }
                else if (roll < 90)
                {
                    var observer = _observers.ElementAt(random.Next(_observers.Count));
                    using var client = tracker.Client(tracker.Token($"observer.{observer:N}", "observer", new Claim("observer", observer.ToString())));
                    if (await CreateAsync(client, "/api/v1/feedback", "feedback", ScenarioObserversAndCases.FeedbackBody($"Feedback {random.Next()}"), stop) is { } feedback)
                    {
                        _feedback.Enqueue(feedback);
                    }
                }
                else if (_feedback.TryDequeue(out var feedback))
                {
                    Interlocked.Increment(ref _sent);
                    var response = await office.PostAsync($"/api/v1/feedback/{feedback}/acknowledge", null, stop);
                    Remember(response, $"feedback-{feedback}", "acknowledge feedback");
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                // The tracker was killed under this request: its outcome is unknown, so it is not counted as acknowledged.
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    private async Task<Guid?> CreateAsync(HttpClient client, string url, string prefix, object body, CancellationToken stop)
    {
        Interlocked.Increment(ref _sent);
        var response = await client.PostAsync(url, ApiJson.Body(body), stop);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            Refused.Add(response.StatusCode);
            return null;
        }

        var id = await response.CreatedIdAsync();
        Remember(response, $"{prefix}-{id}", $"POST {url}");
        return id;
    }

    private void Remember(HttpResponseMessage response, string stream, string command)
    {
        if (!response.IsSuccessStatusCode)
        {
            Refused.Add(response.StatusCode);
        }

        if (response.IsSuccessStatusCode && response.Headers.ETag is { } etag)
        {
            Acknowledged.Add(new Acknowledged(stream, long.Parse(etag.Tag.Trim('"'), CultureInfo.InvariantCulture), command));
        }
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.EventStore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Collaboration.Api.Tests.Reliability.Race;

/// <summary>
/// Issue 14, item 5: 100 clients issue conflicting commands on a few commitment streams at once — bare, with
/// <c>If-Match</c>, with an <c>Idempotency-Key</c> shared by several clients, and with both — and the log is read
/// afterwards: every 2xx's event is in the log at the revision its ETag named (no lost update), each command appears
/// in the log once however many clients sent it (no duplicate append), nothing was appended that nobody was told
/// about, and every client that did not get its write in was told 409 or 412 as problem+json.
/// </summary>
public sealed class RaceHarnessTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private const int Clients = 100;
    private const int Streams = 3;
    private const int CommandsPerClient = 4;

    /// <summary>Idempotency keys per stream shared by many clients: each must land once.</summary>
    private const int SharedKeys = 8;

    private enum Mode
    {
        Bare,
        IfMatch,
        SharedKey,
        IfMatchAndKey,
    }

    private sealed record Outcome(Mode Mode, int Stream, string? Key, HttpStatusCode Status, string? ContentType, Guid? Milestone, long? Revision);

    [Fact]
    public async Task conflicting_writers_lose_no_update_append_nothing_twice_and_every_loser_is_told()
    {
        var m = await api.SignedMemorandumAsync();
        var commitments = new Guid[Streams];
        for (var s = 0; s < Streams; s++)
        {
            commitments[s] = await api.AcceptedCommitmentAsync(m, m.PartnerA);
        }

        var store = api.Services.GetRequiredService<IEventStore>();
        var before = new long[Streams];
        for (var s = 0; s < Streams; s++)
        {
            before[s] = (await store.ReadStreamRevisionAsync(Stream(commitments[s]))) ?? -1;
        }

        // One partner identity for every client: an Idempotency-Key is scoped to its caller, so sharing keys needs it.
        var outcomes = new ConcurrentBag<Outcome>();
        using var start = new SemaphoreSlim(0);
        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(1_000 + c);
            var http = api.Partner(m.PartnerA);
            await start.WaitAsync();
            for (var i = 0; i < CommandsPerClient; i++)
            {
                var mode = (Mode)random.Next(4);
                var stream = random.Next(Streams);
                var key = mode switch
                {
                    Mode.SharedKey => $"race-{stream}-{random.Next(SharedKeys)}",
                    Mode.IfMatchAndKey => $"race-{c}-{i}",
                    _ => null,
                };
                long? ifMatch = null;
                if (mode is Mode.IfMatch or Mode.IfMatchAndKey)
                {
                    ifMatch = (await http.GetAsync($"/api/v1/commitments/{commitments[stream]}")).ETagRevision();
                }

                // The body of a shared key is the same from every client (a true retry); otherwise unique.
                var title = key ?? $"race-{c}-{i}";
                var response = await http.SendAsync(ApiJson.Post(
                    $"/api/v1/commitments/{commitments[stream]}/milestones",
                    new { title = new { zh = $"里程碑 {title}", en = $"Milestone {title}" }, dueDate = m.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), share = 0.1m },
                    ifMatch,
                    key));
                Guid? milestone = response.IsSuccessStatusCode ? await response.CreatedIdAsync() : null;
                long? revision = response.IsSuccessStatusCode ? response.ETagRevision() : null;
                outcomes.Add(new Outcome(mode, stream, key, response.StatusCode, response.Content.Headers.ContentType?.MediaType, milestone, revision));
            }
        })).ToList();
        start.Release(Clients);
        await Task.WhenAll(clients);

        Report(outcomes);
        outcomes.Should().HaveCount(Clients * CommandsPerClient);
        outcomes.Where(o => !IsSuccess(o.Status)).Should().OnlyContain(
            o => (o.Status == HttpStatusCode.Conflict || o.Status == HttpStatusCode.PreconditionFailed) && o.ContentType == "application/problem+json",
            "every loser is told 409 or 412 as problem+json");
        outcomes.Where(o => o.Mode is Mode.IfMatch or Mode.IfMatchAndKey && !IsSuccess(o.Status)).Should().NotBeEmpty(
            "100 clients with read-then-write If-Match must collide somewhere, or the harness raced nothing");

        for (var s = 0; s < Streams; s++)
        {
            var log = new Dictionary<Guid, RecordedEvent>();
            var appended = 0;
            await foreach (var recorded in store.ReadStreamAsync(Stream(commitments[s])))
            {
                if (recorded.Revision <= before[s])
                {
                    continue;
                }

                appended++;
                recorded.Type.Should().Be("commitment.milestone-added.v1");
                var milestone = MilestoneOf(recorded);
                log.TryAdd(milestone, recorded).Should().BeTrue($"milestone {milestone} is appended once (no duplicate append)");
            }

            var won = outcomes.Where(o => o.Stream == s && IsSuccess(o.Status)).ToList();
            foreach (var winner in won)
            {
                log.Should().ContainKey(winner.Milestone!.Value, "a 2xx write's event is in the log (no lost update)");
                log[winner.Milestone.Value].Revision.Should().Be(winner.Revision, "the ETag names the revision of the write's event");
            }

            won.Select(o => o.Milestone).Distinct().Should().HaveCount(appended, "every appended event was acknowledged to some client");
            foreach (var key in won.Where(o => o.Key is not null).GroupBy(o => o.Key))
            {
                key.Select(o => (o.Milestone, o.Revision)).Distinct().Should().ContainSingle($"every client retrying {key.Key} gets the first answer");
            }

            var view = await (await api.Office().GetAsync($"/api/v1/commitments/{commitments[s]}")).ReadJsonAsync();
            var milestones = view["milestones"]!.AsArray().Select(n => n!["id"]!.GetValue<Guid>()).ToHashSet();
            log.Keys.Should().BeSubsetOf(milestones, "the commitment's state holds every appended milestone");
        }
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;

    private static string Stream(Guid commitment) => $"commitment-{commitment}";

    private static Guid MilestoneOf(RecordedEvent recorded)
    {
        using var data = JsonDocument.Parse(recorded.Data);
        return data.RootElement.GetProperty("milestone").GetGuid();
    }

    private void Report(IEnumerable<Outcome> outcomes)
    {
        foreach (var group in outcomes.GroupBy(o => (o.Mode, o.Status)).OrderBy(g => g.Key.Mode).ThenBy(g => g.Key.Status))
        {
            output.WriteLine($"{group.Key.Mode,-14} {(int)group.Key.Status} × {group.Count()}");
        }
    }
}

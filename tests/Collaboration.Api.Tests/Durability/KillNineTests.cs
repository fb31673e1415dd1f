using System.Net;
using System.Collections.Concurrent;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Api.Tests.Reliability.Crash;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using Collaboration.EventStore.Sqlite;

namespace Collaboration.Api.Tests.Durability;

/// <summary>
/// The real tracker in its own process takes writes from several clients and is killed with SIGKILL mid-stream.
/// Every write it acknowledged with a 2xx must be in the log afterwards, the log must stay dense and its hash chain
/// must verify. The many-cycle version under a mixed load is <see cref="CrashHarnessTests"/>.
/// </summary>
public sealed class KillNineTests
{
    [Fact]
    public async Task every_acknowledged_write_survives_kill_9()
    {
        var directory = Directory.CreateTempSubdirectory("collaboration-kill9-").FullName;
        var database = Path.Combine(directory, "collaboration.db");
        var key = new byte[32];
        System.Security.Cryptography.RandomNumberGenerator.Fill(key);
        var tracker = await TrackerProcess.StartAsync(database, key);
        try
        {
            using var client = tracker.Client(tracker.Token("office.kill9", "office"));

            var acknowledged = new ConcurrentBag<Guid>();
            using var writing = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !writing.IsCancellationRequested && i < 2_000; i++)
                {
                    try
                    {
                        var response = await client.PostAsync("/api/v1/partners", ApiJson.Body(new
                        {
                            kind = "Enterprise",
                            name = new { zh = $"企业 {w}-{i}", en = $"Enterprise {w}-{i}" },
                            contacts = Array.Empty<object>(),
                            externalReference = (string?)null,
                        }));
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add(await response.CreatedIdAsync());
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            })).ToList();

            // Killed mid-stream once it has acknowledged a fair number of writes: on a loaded machine that takes longer.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while ((clock.Elapsed < TimeSpan.FromSeconds(2) || acknowledged.Count <= 60) && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50);
            }

            await tracker.KillAsync();
            await writing.CancelAsync();
            await Task.WhenAll(writers);

            acknowledged.Should().HaveCountGreaterThan(50, "the tracker acknowledged writes before it was killed");
            await using var store = await SqliteEventStore.OpenAsync(new SqliteEventStoreOptions { Path = database }, TimeProvider.System);
            foreach (var partner in acknowledged)
            {
                (await store.ReadStreamRevisionAsync(PartnerDecider.StreamName(PartnerId.From(partner))))
                    .Should().Be(0, $"partner {partner} was acknowledged");
            }

            var head = await store.ReadHeadPositionAsync();
            (await store.ReadAllAsync().CountAsync()).Should().Be((int)head, "positions stay dense after the crash");
            (await store.VerifyAsync()).IsValid.Should().BeTrue();
        }
        finally
        {
            tracker.Dispose();

            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner.
            }
        }
    }
}

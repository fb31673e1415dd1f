using System.Diagnostics;
using System.Net.Http.Json;
using Collaboration.Api.Live;

namespace Collaboration.Api.Tests.Reliability.Crash;

/// <summary>
/// Regression for the crash harness's one finding (docs/reliability.md): a client reconnecting while the tracker publishes
/// got a push before its first <c>CatchUp</c>, resumed from that push's position, and so never received the changes
/// published while it was away — an activity-feed entry, which no later change replaces. The hub's contract now says a
/// pushed document's position never moves the resume position (only the catch-up and <c>PublishedThrough</c> do); this
/// drives exactly that interleaving.
/// </summary>
public sealed class HubResumeTests
{
    [Fact]
    public async Task a_push_received_before_the_catch_up_does_not_hide_the_changes_made_while_the_client_was_away()
    {
        var directory = Directory.CreateTempSubdirectory("collaboration-resume-").FullName;
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        using var tracker = await TrackerProcess.StartAsync(Path.Combine(directory, "collaboration.db"), key);
        var token = tracker.Token("office.resume", "office");
        using var office = tracker.Client(token);
        await using var follower = new HubFollower();
        await using var witness = new HubFollower();
        await follower.ConnectAsync(tracker, token);
        await witness.ConnectAsync(tracker, token);
        await follower.DisconnectAsync();

        // While the follower is away: a partner is registered, projected and pushed (to the witness, not to the follower).
        await CreatePartnerAsync(office, "Away");
        await WaitUntilAsync(() => Task.FromResult(witness.HighestSeen > 0));

        // Back again: a push of a newer change reaches it before it asks to catch up.
        var before = follower.HighestSeen;
        await follower.ConnectAsync(tracker, token, async () =>
        {
            await CreatePartnerAsync(office, "Back");
            await WaitUntilAsync(() => Task.FromResult(follower.HighestSeen > before));
        });

        await using var fresh = new HubFollower();
        await fresh.ConnectAsync(tracker, token);
        var activity = fresh.Documents.Where(d => d.Key.View == ViewNames.Activity && d.Value.Data is not null).ToList();
        activity.Should().HaveCountGreaterThanOrEqualTo(2, "both registrations are in the activity feed");
        follower.Documents.Keys.Should().Contain(activity.Select(a => a.Key), "the follower received every entry a new client gets");

        await tracker.KillAsync();
        TryDelete(directory);
    }

    private static async Task CreatePartnerAsync(HttpClient office, string name)
    {
        var response = await office.PostAsJsonAsync("/api/v1/partners", new
        {
            kind = "Enterprise",
            name = new { zh = $"企业 {name}", en = $"Enterprise {name}" },
            contacts = Array.Empty<object>(),
            externalReference = (string?)null,
        });
        response.EnsureSuccessStatusCode();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the tracker projects and pushes within moments");
            await Task.Delay(50);
        }
    }

    private static void TryDelete(string directory)
    {
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

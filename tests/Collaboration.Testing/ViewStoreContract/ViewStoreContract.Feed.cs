using Collaboration.Projections.Running;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.ViewStoreContract;

public abstract partial class ViewStoreContract
{
    [SkippableFact]
    public async Task a_feed_entry_is_served_with_its_events_time_type_and_subject_from_the_feed_alone()
    {
        var generation = await ActiveGenerationAsync();
        var entry = Entry(7);
        await CommitAsync(t => t.AddToFeed(View, generation, entry, ViewScope.Everyone));

        var stored = await Views.GetAsync(View, FeedEntry.KeyOf(7));

        stored.Should().NotBeNull();
        stored!.Position.Should().Be(7);
        stored.Scope.Should().Be(ViewScope.Everyone);
        ViewJson.Deserialize<FeedEntry>(stored.Json!).Should().Be(entry, "time (to the microsecond), type, kind, subject and stream are the event's");
        (await Views.ListAsync(View, null)).Should().ContainSingle().Which.Should().BeEquivalentTo(stored);
    }

    [SkippableFact]
    public async Task the_latest_entries_are_newest_first_and_only_those_the_caller_may_see()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            for (var position = 1; position <= 30; position++)
            {
                t.AddToFeed(View, generation, Entry(position), new ViewScope([position % 3 == 0 ? "org:a" : "org:b"]));
            }
        });

        var latest = await Views.LatestAsync(View, new HashSet<string> { "org:a" }, limit: 4);

        latest.Select(e => e.Position).Should().Equal(30, 27, 24, 21);
        (await Views.LatestAsync(View, null, limit: 3)).Select(e => e.Position).Should().Equal(30, 29, 28);
    }

    [SkippableFact]
    public async Task feed_entries_catch_up_with_the_documents_in_position_order()
    {
        var generation = await ActiveGenerationAsync();
        var feedGeneration = await ActiveGenerationAsync("feed-view");
        await CommitAsync(t =>
        {
            t.Write(View, generation, "doc", 2, ViewScope.Everyone, Json(1));
            t.AddToFeed("feed-view", feedGeneration, Entry(1), ViewScope.Everyone);
            t.AddToFeed("feed-view", feedGeneration, Entry(3), ViewScope.Everyone);
        });

        var changes = await Views.ChangedSinceAsync(0, new HashSet<string> { ViewScope.Public }, 100);

        changes.Changes.Select(c => (c.View, c.Position)).Should().Equal(("feed-view", 1L), (View, 2L), ("feed-view", 3L));
    }
}

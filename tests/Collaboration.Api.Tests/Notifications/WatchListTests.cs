using System.Net;
using System.Text.Json;
using Collaboration.Api.Modules.Notifications;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Collaboration.EventStore;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Notifications;

/// <summary>The clock's watch list: one row per watched item, and a start that resumes the clock instead of reading every item.</summary>
public sealed class WatchListTests(ApiAtFixedMoment api) : IClassFixture<ApiAtFixedMoment>
{
    private IEventStore Store => api.Services.GetRequiredService<IEventStore>();

    private IViewReader Reader => api.Services.GetRequiredService<IViewReader>();

    [Fact]
    public async Task each_watched_item_has_its_own_row_and_a_settled_one_loses_it_at_the_next_check()
    {
        var open = await api.OpenCaseAsync();
        var rejected = await api.OpenCaseAsync();
        (await api.Office().PostAsync($"/api/v1/talent-cases/{rejected}/reject", ApiJson.Body(new { reason = new { zh = "不属于受理范围。", en = "Outside the district's remit." } })))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        await api.SettledAsync();

        var reactor = api.NewReactor(Store);
        reactor.ClockInterval = TimeSpan.Zero;
        await api.CatchUpAsync(reactor);

        (await Reader.GetAsync(NotificationViews.Watch, StreamOf(open)))?.Json.Should().Contain(StreamOf(open));
        (await Reader.GetAsync(NotificationViews.Watch, StreamOf(rejected)))?.Json.Should().BeNull("a rejected case has no deadline left to watch");
        (await Reader.GetAsync(NotificationViews.Watch, NotificationViews.LegacyWatchKey))?.Json.Should().BeNull("no single list document is kept");
    }

    [Fact]
    public async Task a_start_on_the_same_date_reads_only_the_items_with_events_since_the_last_check()
    {
        await api.OpenCaseAsync();
        var busy = await api.OpenCaseAsync();
        await api.SettledAsync();
        var first = api.NewReactor(Store);
        first.ClockInterval = TimeSpan.Zero;
        await api.CatchUpAsync(first);

        // Restarted with nothing new since the last check: the watched items' states are not read again.
        var counting = new StreamReadCountingStore(Store);
        var restarted = api.NewReactor(counting);
        restarted.ClockInterval = TimeSpan.Zero;
        await restarted.StepAsync(CancellationToken.None);
        restarted.LastClock.Should().Be(api.Clock.GetUtcNow());
        counting.StreamReads.Should().Be(0, "every item's deadlines for today were checked before the restart");

        // One case changed before the next start: that start reads it, and nothing else. (A case opened since is checked
        // from the batch it began in, whichever reactor applies it, and not read at all.)
        (await api.Office().PostAsync($"/api/v1/talent-cases/{busy}/assign", ApiJson.Body(new { department = "bureau", officer = "officer-watch-list" })))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var countingAgain = new StreamReadCountingStore(Store);
        var again = api.NewReactor(countingAgain);
        again.ClockInterval = TimeSpan.Zero;
        await api.CatchUpAsync(again);
        countingAgain.StreamReads.Should().BeInRange(1, 2, "the case {0} changed since the last check is read for its event and for the clock, no other", busy);
    }

    [Fact]
    public async Task a_watch_list_kept_as_one_document_is_moved_to_one_row_per_item()
    {
        await api.OpenCaseAsync();
        await api.SettledAsync();
        // A stream no event names, so only the move can give it a row.
        var stream = StreamOf(Guid.CreateVersion7());
        var views = api.Services.GetRequiredService<IViewStore>();
        var generation = (await views.RegisterAsync(NotificationViews.Watch, NotificationReactor.ViewVersion)).Generation;
        var head = await Store.ReadHeadPositionAsync();
        await using (var transaction = await views.BeginAsync())
        {
            transaction.Write(NotificationViews.Watch, generation, NotificationViews.LegacyWatchKey, head, ViewScope.OfficeOnly,
                JsonSerializer.Serialize(new WatchDocument([stream]), NotificationJson.Options));
            await transaction.CommitAsync(CancellationToken.None);
        }

        (await Reader.GetAsync(NotificationViews.Watch, stream)).Should().BeNull();

        await api.NewReactor(Store).StepAsync(CancellationToken.None);

        (await Reader.GetAsync(NotificationViews.Watch, stream))?.Json.Should().Contain(stream);
        (await Reader.GetAsync(NotificationViews.Watch, NotificationViews.LegacyWatchKey)).Should().BeNull("the list document is gone once moved");
    }

    private static string StreamOf(Guid @case) => TalentCaseDecider.StreamName(new TalentCaseId(@case));
}

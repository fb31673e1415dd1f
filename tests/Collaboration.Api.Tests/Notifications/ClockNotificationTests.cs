using System.Net;
using Collaboration.Api.Modules.Notifications;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collaboration.Api.Tests.Notifications;

public sealed class ClockNotificationTests(ApiAtFixedMoment api) : IClassFixture<ApiAtFixedMoment>
{
    [Fact]
    public async Task a_case_reaches_its_reminder_marks_one_on_the_make_up_working_saturday_and_its_deadline_each_once_across_restarts()
    {
        // Opened Wednesday 25 September 2024 with a 10-working-day limit: the National Day week is off, Sunday 29
        // September and Saturday 12 October are make-up working days, so it is due Monday 14 October.
        var @case = await api.OpenCaseAsync();
        var details = await (await api.Office().GetAsync($"/api/v1/talent-cases/{@case}")).ReadJsonAsync();
        details.ToJsonString().Should().Contain("2024-10-14");
        var officer = api.ClientWithToken(TestTokens.Office("officer-clock"));
        (await api.Office().PostAsync($"/api/v1/talent-cases/{@case}/assign", ApiJson.Body(new { department = "bureau", officer = "officer-clock" })))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var firstSeen = new Dictionary<string, string>();
        for (var day = new DateOnly(2024, 9, 26); day <= new DateOnly(2024, 10, 17); day = day.AddDays(1))
        {
            await MoveToAsync(day);
            var seen = await officer.InboxAsync();
            foreach (var item in seen["items"]!.AsArray())
            {
                firstSeen.TryAdd(item!["title"]!["en"]!.GetValue<string>(), $"{day:yyyy-MM-dd} {day.DayOfWeek}");
            }
        }

        firstSeen.Should().Equal(new Dictionary<string, string>
        {
            ["Talent case assigned"] = "2024-09-26 Thursday",
            ["Talent case: 3 working day(s) left (due 2024-10-14)"] = "2024-10-10 Thursday",
            ["Talent case: 1 working day(s) left (due 2024-10-14)"] = "2024-10-12 Saturday",
            ["Talent case past its deadline (due 2024-10-14)"] = "2024-10-15 Tuesday",
        });
        var before = (await officer.InboxAsync())["items"]!.AsArray().Count;
        before.Should().Be(4);

        // A fresh reactor (a restart, or another node taking over) checks the same day's deadlines again: nothing new.
        var restarted = ActivatorUtilities.CreateInstance<NotificationReactor>(api.Services, NullLogger<NotificationReactor>.Instance);
        await restarted.StepAsync(CancellationToken.None);
        restarted.LastClock.Should().NotBeNull();
        await api.SettledAsync();
        (await officer.InboxAsync())["items"]!.AsArray().Should().HaveCount(before);
    }

    [Fact]
    public async Task between_two_dates_the_clock_reads_only_the_items_with_events_since_its_last_check()
    {
        var quiet = await api.OpenCaseAsync();
        var busy = await api.OpenCaseAsync();
        await api.SettledAsync();
        var (reactor, counting) = CountingReactor();

        // The first check (a start) reads every watched item, the quiet case among them.
        await reactor.StepAsync(CancellationToken.None);
        var everyItem = counting.StreamReads;
        everyItem.Should().BeGreaterThan(0);

        // Same date, nothing new: nothing to read.
        await reactor.StepAsync(CancellationToken.None);
        counting.StreamReads.Should().Be(everyItem);

        // Same date, one case changed: the check reads that case, not the quiet one nor the others.
        (await api.Office().PostAsync($"/api/v1/talent-cases/{busy}/assign", ApiJson.Body(new { department = "bureau", officer = "officer-counting" })))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        await api.CatchUpAsync(reactor);

        (counting.StreamReads - everyItem).Should().BeInRange(1, 2, "the changed case's stream is read for its event and for the clock, {0} is not", quiet);
    }

    [Fact]
    public async Task an_item_that_begins_in_a_batch_is_checked_from_that_batch_and_not_read_back_from_the_log()
    {
        await api.OpenCaseAsync();
        await api.SettledAsync();
        var (reactor, counting) = CountingReactor();
        await reactor.StepAsync(CancellationToken.None);
        var afterFirstCheck = counting.StreamReads;

        // New cases: their whole history is in the batch that saw them begin, so neither that batch nor the next
        // minute's check (the same date) reads them again.
        for (var i = 0; i < 3; i++)
        {
            await api.OpenCaseAsync();
        }

        await api.CatchUpAsync(reactor);
        await reactor.StepAsync(CancellationToken.None);

        counting.StreamReads.Should().Be(afterFirstCheck);
    }

    [Fact]
    public async Task a_batch_that_fails_before_its_checkpoint_commits_is_produced_again_once_with_the_same_ids()
    {
        var @case = await api.OpenCaseAsync();
        var follower = api.ClientWithToken(TestTokens.Office("office.crash"));
        await follower.FollowAsync("talent-cases", @case);
        await api.SettledAsync();
        var reactor = api.Services.GetRequiredService<NotificationReactor>();
        var crashes = 0;
        reactor.CrashBeforeCommit = _ => Interlocked.Increment(ref crashes) == 1;
        try
        {
            (await api.Office().PostAsync($"/api/v1/talent-cases/{@case}/escalate", ApiJson.Body(new { reason = new { zh = "督办", en = "Escalated" }, level = "BureauLeadership" })))
                .StatusCode.Should().Be(HttpStatusCode.OK);
            var inbox = await follower.InboxWhenAsync(p => p.Kinds().Contains("Escalated"));
            await api.SettledAsync();
            crashes.Should().BeGreaterThanOrEqualTo(2, "the first commit failed and the batch was applied again");
            inbox = await follower.InboxAsync();
            inbox.Kinds().Should().Equal("Escalated");
        }
        finally
        {
            reactor.CrashBeforeCommit = null;
        }
    }

    private (NotificationReactor Reactor, StreamReadCountingStore Counting) CountingReactor()
    {
        var counting = new StreamReadCountingStore(api.Services.GetRequiredService<EventStore.IEventStore>());
        var reactor = api.NewReactor(counting);
        reactor.ClockInterval = TimeSpan.Zero;
        return (reactor, counting);
    }

    private async Task MoveToAsync(DateOnly day)
    {
        var moment = DistrictTime.FromDistrictClock(day.ToDateTime(new TimeOnly(10, 0)));
        api.Clock.SetUtcNow(moment);
        var reactor = api.Services.GetRequiredService<NotificationReactor>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (reactor.LastClock != moment && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        reactor.LastClock.Should().Be(moment, "the reactor checks the deadlines once the district's date changes");
    }
}

using System.Net;
using Collaboration.Api.Hosting;
using Collaboration.Api.Modules;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.EventStore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Demo;

/// <summary>The app with the clock --demo and Development use: the system clock, which seeding may pin to the story.</summary>
public sealed class ApiWithScenarioClock : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseClock(new ScenarioClock(TimeProvider.System));
    }
}

public sealed class DemoHistoryTests(ApiWithScenarioClock api) : IClassFixture<ApiWithScenarioClock>
{
    [Fact]
    public async Task the_demo_log_records_the_story_from_2024_to_today_in_order()
    {
        var store = api.Services.GetRequiredService<IEventStore>();
        await DemoData.SeedAsync(api.Services, CancellationToken.None);
        var events = await store.ReadAllAsync().ToListAsync();

        events.Select(e => e.Timestamp).Should().BeInAscendingOrder("positions and recorded times go forward together");
        events[0].Timestamp.Should().Be(new DateTimeOffset(2024, 5, 8, 2, 0, 0, TimeSpan.Zero), "the story starts on 8 May 2024, 10:00 in Shanghai");
        events.Single(e => e.Type == "memorandum.signed.v1").Timestamp
            .Should().Be(new DateTimeOffset(2024, 5, 10, 7, 0, 0, TimeSpan.Zero), "the memorandum is signed on its date");
        events[^1].Timestamp.Should().BeBefore(DateTimeOffset.UtcNow);
        var approvals = events.Where(e => e.Type == "commitment.progress-approved.v1").ToList();
        approvals.Select(e => (e.Timestamp.Year, Quarter: (e.Timestamp.Month - 1) / 3)).Distinct().Should()
            .HaveCountGreaterThanOrEqualTo(8, "progress is reported and approved quarter after quarter");
        (await store.VerifyAsync()).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task as_of_tells_the_story_and_new_writes_are_recorded_now()
    {
        await DemoData.SeedAsync(api.Services, CancellationToken.None);
        var auditor = api.Auditor();

        var beforeDrafting = await auditor.GetAsync($"/api/v1/audit/views/memoranda/{DemoData.Memorandum}/progress?asOf=2024-05-07T00:00:00Z");
        var early = await (await auditor.GetAsync($"/api/v1/audit/views/memoranda/{DemoData.Memorandum}/progress?asOf=2024-12-31T16:00:00Z")).ReadJsonAsync();
        var later = await (await auditor.GetAsync($"/api/v1/audit/views/memoranda/{DemoData.Memorandum}/progress?asOf=2026-06-30T16:00:00Z")).ReadJsonAsync();

        beforeDrafting.StatusCode.Should().Be(HttpStatusCode.NotFound);
        early["weightedProgress"]!.GetValue<decimal>().Should().BeGreaterThan(0m).And.BeLessThan(later["weightedProgress"]!.GetValue<decimal>());
        var head = await api.Services.GetRequiredService<IEventStore>().ReadHeadPositionAsync();
        await Scenario.PartnerAsync(api, "Enterprise", "新企业", "New enterprise");
        var written = await api.Services.GetRequiredService<IEventStore>().ReadAllAsync(head + 1).ToListAsync();
        written.Should().NotBeEmpty();
        written.Should().OnlyContain(e => e.Timestamp > DateTimeOffset.UtcNow.AddMinutes(-5), "after seeding the clock runs with the system again");
    }
}

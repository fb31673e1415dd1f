using System.Net;
using Collaboration.Api.Modules;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Demo;

public sealed class DemoDataTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task demo_scenario_seeds_through_the_deciders_once_and_reads_back()
    {
        var store = api.Services.GetRequiredService<IEventStore>();
        await DemoData.SeedAsync(api.Services, CancellationToken.None);
        var head = await store.ReadHeadPositionAsync();

        await DemoData.SeedAsync(api.Services, CancellationToken.None);

        head.Should().BeGreaterThan(100);
        (await store.ReadHeadPositionAsync()).Should().Be(head, "a second seeding appends nothing");
        (await store.VerifyAsync()).IsValid.Should().BeTrue();
        var sicc = await api.Partner(DemoData.Sicc.Value).GetAsync($"/api/v1/partners/{DemoData.Sicc}");
        sicc.StatusCode.Should().Be(HttpStatusCode.OK);
        (await sicc.ReadJsonAsync())["name"]!["zh"]!.GetValue<string>().Should().Be("上海国际商会");
    }
}

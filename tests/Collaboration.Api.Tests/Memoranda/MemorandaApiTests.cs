using System.Net;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Memoranda;

public sealed class MemorandaApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task signed_memorandum_scenario_reads_back_active_with_its_parties_and_signatories()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);

        var response = await api.Office().GetAsync($"/api/v1/memoranda/{signed.Memorandum}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.ETagRevision().Should().Be(signed.Revision);
        var json = await response.ReadJsonAsync();
        json["status"]!.GetValue<string>().Should().Be("Active");
        json["parties"]!.AsArray().Should().HaveCount(3);
        json["signatories"]!.AsArray().Should().HaveCount(3);
        json["signedOn"]!.GetValue<string>().Should().Be("2024-09-20");
        json["amendmentCount"]!.GetValue<int>().Should().Be(0);
    }
}

using System.Net;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.PublicityPoints;

/// <summary>Issue 17 item 1: the policy catalogue's publicity points, kept by the office and read by everyone.</summary>
public sealed class PublicityPointsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static object Details(params Guid[] policies) => new
    {
        name = new { zh = "北外滩国际客运服务中心", en = "North Bund International Passenger Service Center" },
        address = new { zh = "虹口区东大名路500号", en = "500 East Daming Road, Hongkou" },
        openingHours = new { zh = "周一至周五 9:00–17:00", en = "Mon–Fri 9:00–17:00" },
        policies,
    };

    private static async Task<string?> CodeAsync(HttpResponseMessage response) => (await response.ReadJsonAsync())["code"]?.GetValue<string>();

    private async Task CaughtUpAsync() =>
        await api.WaitForViewsAsync(await api.Services.GetRequiredService<IEventStore>().ReadHeadPositionAsync());

    [Fact]
    public async Task office_designates_a_point_and_every_role_lists_it_with_its_policies()
    {
        var policy = await Scenario.PublishedPolicyAsync(api);

        var created = await api.Office().PostAsync("/api/v1/publicity-points", ApiJson.Body(new { details = Details(policy), designatedOn = "2024-05-10" }));

        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = await created.CreatedIdAsync();
        await CaughtUpAsync();
        foreach (var client in new[] { api.Office(), api.Partner(Guid.NewGuid()), api.Observer(Guid.NewGuid()) })
        {
            var list = await (await client.GetAsync("/api/v1/publicity-points?limit=200")).ReadJsonAsync();
            var item = list["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == id)!;
            item["designatedOn"]!.GetValue<string>().Should().Be("2024-05-10");
            item["details"]!["policies"]!.AsArray().Select(p => p!.GetValue<Guid>()).Should().Equal(policy);
            item["isWithdrawn"]!.GetValue<bool>().Should().BeFalse();
        }
    }

    [Fact]
    public async Task only_the_office_designates_and_a_point_names_only_current_policies()
    {
        var policy = await Scenario.PublishedPolicyAsync(api);
        var partner = await api.Partner(Guid.NewGuid()).PostAsync("/api/v1/publicity-points", ApiJson.Body(new { details = Details(policy) }));
        var unknown = await api.Office().PostAsync("/api/v1/publicity-points", ApiJson.Body(new { details = Details(Guid.NewGuid()) }));
        var none = await api.Office().PostAsync("/api/v1/publicity-points", ApiJson.Body(new { details = Details() }));
        var twice = await api.Office().PostAsync("/api/v1/publicity-points", ApiJson.Body(new { details = Details(policy, policy) }));

        partner.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        unknown.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(unknown)).Should().Be("publicity-point.policy-unknown");
        (await CodeAsync(none)).Should().Be("publicity-point.policies-required");
        (await CodeAsync(twice)).Should().Be("publicity-point.policies-required");
        none.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task a_revision_replaces_the_details_and_a_withdrawn_point_stays_listed_with_its_reason()
    {
        var first = await Scenario.PublishedPolicyAsync(api);
        var second = await Scenario.PublishedPolicyAsync(api, "Vocational training subsidy");
        var id = await (await api.Office().PostAsync("/api/v1/publicity-points", ApiJson.Body(new { details = Details(first) }))).CreatedIdAsync();

        var revised = await api.Office().PostAsync($"/api/v1/publicity-points/{id}/revise", ApiJson.Body(Details(first, second)));
        var unchanged = await api.Office().PostAsync($"/api/v1/publicity-points/{id}/revise", ApiJson.Body(Details(first, second)));
        var withdrawn = await api.Office().PostAsync($"/api/v1/publicity-points/{id}/withdraw", ApiJson.Body(new { reason = new { zh = "服务中心搬迁", en = "The service centre moved" } }));
        var afterwards = await api.Office().PostAsync($"/api/v1/publicity-points/{id}/revise", ApiJson.Body(Details(second)));

        revised.StatusCode.Should().Be(HttpStatusCode.OK);
        (await CodeAsync(unchanged)).Should().Be("publicity-point.unchanged");
        withdrawn.StatusCode.Should().Be(HttpStatusCode.OK);
        (await CodeAsync(afterwards)).Should().Be("publicity-point.withdrawn");
        await CaughtUpAsync();
        var list = await (await api.Office().GetAsync("/api/v1/publicity-points?limit=200")).ReadJsonAsync();
        var item = list["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == id)!;
        item["details"]!["policies"]!.AsArray().Select(p => p!.GetValue<Guid>()).Should().Equal(first, second);
        item["isWithdrawn"]!.GetValue<bool>().Should().BeTrue();
        item["withdrawalReason"]!["en"]!.GetValue<string>().Should().Be("The service centre moved");
    }
}

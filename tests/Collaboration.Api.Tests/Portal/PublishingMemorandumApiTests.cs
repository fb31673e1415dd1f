using System.Net;
using Collaboration.Api.Modules;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Portal;

/// <summary><c>POST /api/v1/memoranda/{id}/publish</c>: office only, signed memoranda only, once.</summary>
public sealed class PublishingMemorandumApiTests(ApiWithPublishedDemo api) : IClassFixture<ApiWithPublishedDemo>
{
    [Fact]
    public async Task publishing_a_draft_is_refused_with_a_problem()
    {
        using var response = await api.Office().PostAsync($"/api/v1/memoranda/{api.UnpublishedMemorandum}/publish", null);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.ReadJsonAsync())["code"]!.GetValue<string>().Should().Be("memorandum.not-signed");
    }

    [Fact]
    public async Task publishing_twice_is_a_conflict()
    {
        using var response = await api.Office().PostAsync($"/api/v1/memoranda/{DemoData.Memorandum}/publish", null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.ReadJsonAsync())["code"]!.GetValue<string>().Should().Be("memorandum.already-published");
    }

    [Fact]
    public async Task a_partner_may_not_publish()
    {
        using var response = await api.Partner(DemoData.Sicc.Value).PostAsync($"/api/v1/memoranda/{DemoData.Memorandum}/publish", null);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_published_memorandum_is_listed_for_a_partner_that_is_not_a_party()
    {
        using var response = await api.Partner(Guid.NewGuid()).GetAsync("/api/v1/memoranda");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain(DemoData.Memorandum.Value.ToString()).And.NotContain(api.UnpublishedMemorandum.ToString());
    }
}

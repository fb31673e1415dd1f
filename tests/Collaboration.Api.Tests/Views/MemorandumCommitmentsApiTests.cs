using System.Net;
using System.Text.Json.Nodes;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.MemorandumProgress;

namespace Collaboration.Api.Tests.Views;

/// <summary>
/// A memorandum's progress lists the first of its commitments and counts them all; every one is a paged list away
/// (<c>GET /api/v1/memoranda/{id}/commitments</c>), for whoever may see the memorandum — every party sees every line,
/// as the progress always showed them — while a commitment's own list still shows a partner its own only.
/// </summary>
public sealed class MemorandumCommitmentsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Many = MemorandumProgressReport.Shown + 7;

    private static readonly DateOnly FarAway = new(2030, 6, 30);

    [Fact]
    public async Task the_progress_lists_the_first_commitments_and_every_party_pages_through_all_of_them()
    {
        var chamber = PartnerId.New();
        var park = PartnerId.New();
        var memorandum = MemorandumId.New();
        await api.DraftMemorandumAsync(memorandum, chamber, park);
        var created = new HashSet<string>();
        long last = 0;
        for (var i = 0; i < Many; i++)
        {
            var id = CommitmentId.New();
            created.Add(id.Value.ToString());
            last = await api.AcceptedCommitmentAsync(id, memorandum, i < 3 ? park : chamber, FarAway.AddDays(-i), weight: 1m + (i % 3));
        }

        await api.WaitForViewsAsync(last);

        var progress = await JsonAsync(api.Office(), $"/api/v1/memoranda/{memorandum}/progress");
        var section = progress["commitments"]!;
        section["first"]!.AsArray().Should().HaveCount(MemorandumProgressReport.Shown);
        section["total"]!.GetValue<long>().Should().Be(Many);
        section["list"]!.GetValue<string>().Should().Be($"/api/v1/memoranda/{memorandum}/commitments");
        var dues = section["first"]!.AsArray().Select(l => l!["dueDate"]!.GetValue<string>()).ToList();
        dues.Should().BeInAscendingOrder(StringComparer.Ordinal, "due first");

        var seen = new List<string>();
        string? next = $"/api/v1/memoranda/{memorandum}/commitments?limit=40";
        var pages = 0;
        while (next is not null)
        {
            var page = await JsonAsync(api.Partner(park.Value), next);
            page["total"]!.GetValue<long>().Should().Be(Many, "a party sees every commitment under the memorandum, not only its own");
            seen.AddRange(page["items"]!.AsArray().Select(l => l!["id"]!.GetValue<string>()));
            next = page["next"]?.GetValue<string>();
            pages++;
        }

        pages.Should().Be(3);
        seen.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(created);
        var own = await JsonAsync(api.Partner(park.Value), "/api/v1/commitments?limit=200");
        own["total"]!.GetValue<long>().Should().Be(3, "the commitments list still shows a partner the ones it owns");
    }

    [Fact]
    public async Task an_outsider_gets_404_and_a_bad_filter_a_problem()
    {
        var party = PartnerId.New();
        var memorandum = MemorandumId.New();
        await api.WaitForViewsAsync(await api.DraftMemorandumAsync(memorandum, party));
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(CommitmentId.New(), memorandum, party, FarAway));

        using var outsider = await api.Partner(Guid.NewGuid()).GetAsync($"/api/v1/memoranda/{memorandum}/commitments");
        using var unknown = await api.Office().GetAsync($"/api/v1/memoranda/{Guid.NewGuid()}/commitments");
        using var badStatus = await api.Office().GetAsync($"/api/v1/memoranda/{memorandum}/commitments?status=Sleeping");
        var overdue = await JsonAsync(api.Office(), $"/api/v1/memoranda/{memorandum}/commitments?status=Overdue");
        var partyView = await JsonAsync(api.Partner(party.Value), $"/api/v1/memoranda/{memorandum}/commitments?partner={party}");

        outsider.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        badStatus.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        badStatus.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        overdue["total"]!.GetValue<long>().Should().Be(0, "due in 2030");
        partyView["items"]!.AsArray().Should().ContainSingle();
    }

    private static async Task<JsonNode> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }
}

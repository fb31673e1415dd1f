using System.Net;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Memoranda;

/// <summary>Who may read and write memoranda: office writes, auditors read, partners read only what they are party to.</summary>
public sealed class MemorandaAccessApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly object AnyReason = new { reason = new { zh = "原因", en = "Reason" } };

    /// <summary>Every write endpoint with a well-formed body, so only the caller's role decides the answer.</summary>
    private static IEnumerable<(string Url, object? Body)> Writes(MemorandumScenario m) =>
    [
        ("/api/v1/memoranda", Scenario.DraftBody()),
        ($"/api/v1/memoranda/{m.Memorandum}/parties", new { partner = m.PartnerA, role = "PartnerOrganisation" }),
        ($"/api/v1/memoranda/{m.Memorandum}/parties/{m.PartnerB}/remove", null),
        ($"/api/v1/memoranda/{m.Memorandum}/sign", Scenario.SignBody(m)),
        ($"/api/v1/memoranda/{m.Memorandum}/amend", new { reason = new { zh = "原因", en = "Reason" }, text = new { zh = "条款", en = "Clause" } }),
        ($"/api/v1/memoranda/{m.Memorandum}/suspend", AnyReason),
        ($"/api/v1/memoranda/{m.Memorandum}/resume", null),
        ($"/api/v1/memoranda/{m.Memorandum}/complete", null),
        ($"/api/v1/memoranda/{m.Memorandum}/terminate", AnyReason),
        ($"/api/v1/memoranda/{m.Memorandum}/packages", new { party = m.PartnerA, policies = new[] { Guid.NewGuid() } }),
    ];

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body) =>
        client.PostAsync(url, body is null ? null : ApiJson.Body(body));

    [Fact]
    public async Task auditor_reads_a_memorandum_but_every_write_is_403()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var auditor = api.Auditor();

        (await auditor.GetAsync($"/api/v1/memoranda/{signed.Memorandum}")).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var (url, body) in Writes(signed))
        {
            (await PostAsync(auditor, url, body)).StatusCode.Should().Be(HttpStatusCode.Forbidden, url);
        }

        (await api.Office().GetAsync($"/api/v1/memoranda/{signed.Memorandum}")).ETagRevision().Should().Be(signed.Revision, "nothing was appended");
    }

    [Fact]
    public async Task partner_party_reads_its_memorandum_but_every_write_is_403()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var partnerA = api.Partner(signed.PartnerA);

        (await partnerA.GetAsync($"/api/v1/memoranda/{signed.Memorandum}")).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var (url, body) in Writes(signed))
        {
            (await PostAsync(partnerA, url, body)).StatusCode.Should().Be(HttpStatusCode.Forbidden, url);
        }
    }

    [Fact]
    public async Task partner_a_and_partner_b_both_read_the_memorandum_they_signed()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);

        (await api.Partner(signed.PartnerA).GetAsync($"/api/v1/memoranda/{signed.Memorandum}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.Partner(signed.PartnerB).GetAsync($"/api/v1/memoranda/{signed.Memorandum}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task partner_cannot_read_a_memorandum_it_is_not_party_to_and_is_told_it_does_not_exist()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var other = await Scenario.SignedMemorandumAsync(api);

        var response = await api.Partner(other.PartnerA).GetAsync($"/api/v1/memoranda/{signed.Memorandum}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.ReadJsonAsync())["code"]!.GetValue<string>().Should().Be("resource.not-found");
    }

    [Fact]
    public async Task partner_removed_from_a_draft_can_no_longer_read_it()
    {
        var draft = await Scenario.DraftWithPartiesAsync(api);
        (await api.Partner(draft.PartnerB).GetAsync($"/api/v1/memoranda/{draft.Memorandum}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.Office().PostAsync($"/api/v1/memoranda/{draft.Memorandum}/parties/{draft.PartnerB}/remove", null)).EnsureSuccessStatusCode();

        var response = await api.Partner(draft.PartnerB).GetAsync($"/api/v1/memoranda/{draft.Memorandum}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task observer_cannot_read_memoranda()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);

        var response = await api.Observer(Guid.NewGuid()).GetAsync($"/api/v1/memoranda/{signed.Memorandum}");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task request_without_a_token_is_401()
    {
        var response = await api.CreateClient().GetAsync($"/api/v1/memoranda/{Guid.NewGuid()}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}

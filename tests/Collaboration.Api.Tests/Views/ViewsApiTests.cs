using System.Net;
using System.Text.Json.Nodes;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Tests.Views;

public sealed class ViewsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static async Task<JsonArray> ListAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var json = await response.ReadJsonAsync();
        return json is JsonObject page ? page["items"]!.AsArray() : json.AsArray();
    }

    private static IEnumerable<string> Ids(JsonArray lines, Func<JsonNode, JsonNode?> id) => lines.Select(l => id(l!)!.GetValue<string>());

    [Fact]
    public async Task a_partner_lists_only_the_commitments_its_organisation_owns()
    {
        var a = PartnerId.New();
        var b = PartnerId.New();
        var memorandum = MemorandumId.New();
        var ofA = CommitmentId.New();
        var ofB = CommitmentId.New();
        await api.DraftMemorandumAsync(memorandum, a, b);
        await api.AcceptedCommitmentAsync(ofA, memorandum, a, new DateOnly(2030, 6, 30));
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(ofB, memorandum, b, new DateOnly(2030, 6, 30)));

        var seenByA = Ids(await ListAsync(api.Partner(a.Value), $"/api/v1/commitments?memorandum={memorandum}"), l => l["id"]);
        var seenByOffice = Ids(await ListAsync(api.Office(), $"/api/v1/commitments?memorandum={memorandum}"), l => l["id"]);

        seenByA.Should().Equal(ofA.ToString());
        seenByOffice.Should().BeEquivalentTo([ofA.ToString(), ofB.ToString()]);
    }

    [Fact]
    public async Task commitments_filter_by_status_and_overdue_on_todays_date()
    {
        var a = PartnerId.New();
        var memorandum = MemorandumId.New();
        var late = CommitmentId.New();
        var onTime = CommitmentId.New();
        await api.DraftMemorandumAsync(memorandum, a);
        await api.AcceptedCommitmentAsync(late, memorandum, a, new DateOnly(2024, 12, 31));
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(onTime, memorandum, a, new DateOnly(2099, 12, 31)));

        var overdue = Ids(await ListAsync(api.Office(), $"/api/v1/commitments?memorandum={memorandum}&overdue=true"), l => l["id"]);
        var byStatus = await ListAsync(api.Office(), $"/api/v1/commitments?memorandum={memorandum}&status=Overdue");

        overdue.Should().Equal(late.ToString());
        byStatus.Should().ContainSingle().Which!["status"]!.GetValue<string>().Should().Be("Overdue");
    }

    [Fact]
    public async Task an_unknown_filter_value_is_a_400_problem_with_the_field()
    {
        var response = await api.Office().GetAsync("/api/v1/commitments?status=Sleeping");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("status");
    }

    [Fact]
    public async Task memorandum_progress_is_hidden_from_a_partner_that_is_not_a_party()
    {
        var party = PartnerId.New();
        var memorandum = MemorandumId.New();
        var commitment = CommitmentId.New();
        await api.DraftMemorandumAsync(memorandum, party);
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(commitment, memorandum, party, new DateOnly(2030, 1, 31), weight: 2m));

        var asParty = await api.Partner(party.Value).GetAsync($"/api/v1/memoranda/{memorandum}/progress");
        var asOutsider = await api.Partner(Guid.NewGuid()).GetAsync($"/api/v1/memoranda/{memorandum}/progress");

        asParty.StatusCode.Should().Be(HttpStatusCode.OK);
        (await asParty.ReadJsonAsync())["commitments"]!["first"]!.AsArray().Should().ContainSingle();
        asOutsider.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_partner_reads_its_own_portfolio_but_not_another_partners()
    {
        var a = PartnerId.New();
        var memorandum = MemorandumId.New();
        await api.RegisteredPartnerAsync(a, "Hongkou Park Operator");
        await api.DraftMemorandumAsync(memorandum, a);
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(CommitmentId.New(), memorandum, a, new DateOnly(2030, 1, 31)));

        var own = await api.Partner(a.Value).GetAsync($"/api/v1/partners/{a}/portfolio");
        var others = await api.Partner(Guid.NewGuid()).GetAsync($"/api/v1/partners/{a}/portfolio");

        own.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await own.ReadJsonAsync();
        json["memoranda"]!.AsArray().Should().ContainSingle();
        json["commitments"]!["open"]!.AsArray().Should().ContainSingle();
        others.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task an_observer_sees_its_own_feedback_and_published_answers_only()
    {
        var robert = ObserverId.New();
        var other = ObserverId.New();
        var mine = FeedbackId.New();
        var othersPublished = FeedbackId.New();
        var othersPrivate = FeedbackId.New();
        await api.FeedbackAsync(mine, robert, published: false);
        await api.FeedbackAsync(othersPublished, other, published: true);
        await api.WaitForViewsAsync(await api.FeedbackAsync(othersPrivate, other, published: false));

        var seen = Ids(await ListAsync(api.Observer(robert.Value), "/api/v1/feedback"), l => l["id"]);

        seen.Should().Contain([mine.ToString(), othersPublished.ToString()]).And.NotContain(othersPrivate.ToString());
        var published = Ids(await ListAsync(api.Observer(robert.Value), "/api/v1/feedback?stage=Published"), l => l["id"]);
        published.Should().Contain(othersPublished.ToString()).And.NotContain(mine.ToString());
    }

    [Fact]
    public async Task the_talent_case_queue_is_scoped_to_the_referring_partner_and_carries_no_personal_details()
    {
        var referrer = PartnerId.New();
        var referred = TalentCaseId.New();
        var other = TalentCaseId.New();
        await api.OpenedTalentCaseAsync(referred, referrer, "Robert Popescu", new DateOnly(2099, 1, 15));
        await api.WaitForViewsAsync(await api.OpenedTalentCaseAsync(other, PartnerId.New(), "Ana Ionescu", new DateOnly(2099, 1, 15)));

        var response = await api.Partner(referrer.Value).GetAsync("/api/v1/talent-cases");
        var text = await response.Content.ReadAsStringAsync();
        var office = await api.Office().GetAsync("/api/v1/talent-cases");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        text.Should().Contain(referred.ToString()).And.NotContain(other.ToString());
        (await office.Content.ReadAsStringAsync()).Should().NotContain("Popescu").And.NotContain("robert@example.test");
        text.Should().Contain("workingDaysLeft");
        var item = System.Text.Json.Nodes.JsonNode.Parse(text)!["items"]!.AsArray().Single()!;
        item["id"]!.GetValue<Guid>().Should().Be(referred.Value, "a list item is flat: the case's own fields beside its deadline facts");
        item["case"].Should().BeNull();
    }

    [Fact]
    public async Task observers_cannot_list_talent_cases_and_only_the_office_side_reads_the_overview()
    {
        (await api.Observer(Guid.NewGuid()).GetAsync("/api/v1/talent-cases")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await api.Partner(Guid.NewGuid()).GetAsync("/api/v1/overview")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await api.Auditor().GetAsync("/api/v1/overview")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task activity_is_scoped_like_the_things_it_is_about()
    {
        var a = PartnerId.New();
        var b = PartnerId.New();
        await api.RegisteredPartnerAsync(a, "Chamber A");
        await api.WaitForViewsAsync(await api.RegisteredPartnerAsync(b, "Chamber B"));

        var seen = Ids(await ListAsync(api.Partner(a.Value), "/api/v1/activity?limit=200"), l => l["subject"]);
        var all = await ListAsync(api.Partner(a.Value), "/api/v1/partners");

        seen.Should().Contain(a.ToString()).And.NotContain(b.ToString());
        Ids(all, l => l["id"]).Should().Contain([a.ToString(), b.ToString()], "the partner list itself is public to signed-in users");
    }

    [Fact]
    public async Task the_openapi_document_lists_the_view_endpoints()
    {
        var response = await api.CreateClient().GetAsync("/swagger/v1/swagger.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("/api/v1/commitments").And.Contain("/api/v1/memoranda/{id}/progress").And.Contain("/api/v1/partners/{id}/portfolio");
    }
}

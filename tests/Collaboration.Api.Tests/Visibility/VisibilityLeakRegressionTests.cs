using System.Net;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Visibility;

/// <summary>
/// The five leaks issue 11 found, each through every path it leaked by (the single read, the audit history, state and
/// log): they must stay closed. The leak matrix covers every endpoint; these name the cases.
/// </summary>
public sealed class VisibilityLeakRegressionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Withheld = "[withheld]";

    private static async Task<string> TextAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, $"GET {url}: {body}");
        return body;
    }

    private static async Task<HttpResponseMessage> CreatedAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return response;
    }

    private static IEnumerable<string> AuditPaths(string stream) =>
    [
        $"/api/v1/audit/streams/{stream}/history",
        $"/api/v1/audit/streams/{stream}/state",
        $"/api/v1/audit/streams/{stream}/diff?fromRevision=0&toRevision=100",
        $"/api/v1/audit/events?stream={stream}",
    ];

    [Fact]
    public async Task a_referring_partner_reads_no_talent_contact_or_case_note_in_the_audit_trail()
    {
        var partner = await api.RegisterPartnerAsync();
        var talentCase = await api.OpenCaseAsync(referredBy: partner);
        await ScenarioObserversAndCases.ExpectOk(api.Office().PostAsync($"/api/v1/talent-cases/{talentCase}/notes",
            ApiJson.Body(new { text = "Landlord in Hongkou refuses the foreign tenant; called him on 12 Oct." })));

        foreach (var path in AuditPaths($"talent-case-{talentCase}"))
        {
            var body = await TextAsync(api.Partner(partner), path);
            body.Should().NotContain("robert@example.ro", path).And.NotContain("+86 138 0000 0000", path).And.NotContain("Landlord in Hongkou", path);
            body.Should().Contain(Withheld, path);
        }

        var office = await TextAsync(api.Auditor(), $"/api/v1/audit/streams/talent-case-{talentCase}/history");
        office.Should().Contain("robert@example.ro").And.Contain("Landlord in Hongkou");
    }

    [Fact]
    public async Task a_party_reads_only_its_own_policy_package_in_the_audit_trail()
    {
        var signed = await Scenario.SignedMemorandumAsync(api);
        var policy = await Scenario.PublishedPolicyAsync(api);
        var mine = await Scenario.DeliveredPackageAsync(api, signed, signed.PartnerA, policy);
        var theirs = await Scenario.DeliveredPackageAsync(api, signed, signed.PartnerB, policy);

        foreach (var path in AuditPaths($"memorandum-{signed.Memorandum}").Append($"/api/v1/memoranda/{signed.Memorandum}"))
        {
            var body = await TextAsync(api.Partner(signed.PartnerA), path);
            body.Should().Contain(mine.ToString(), path).And.NotContain(theirs.ToString(), path);
        }
    }

    [Fact]
    public async Task a_party_removed_from_a_draft_memorandum_no_longer_reads_its_history()
    {
        var draft = await Scenario.DraftWithPartiesAsync(api);
        var before = await TextAsync(api.Partner(draft.PartnerB), $"/api/v1/audit/streams/memorandum-{draft.Memorandum}/history");
        before.Should().Contain(draft.Memorandum.ToString());

        await ScenarioObserversAndCases.ExpectOk(api.Office().PostAsync($"/api/v1/memoranda/{draft.Memorandum}/parties/{draft.PartnerB}/remove", null));

        var stream = $"memorandum-{draft.Memorandum}";
        await TextAsync(api.Partner(draft.PartnerB), $"/api/v1/audit/streams/{stream}/history", HttpStatusCode.NotFound);
        await TextAsync(api.Partner(draft.PartnerB), $"/api/v1/audit/streams/{stream}/state", HttpStatusCode.NotFound);
        await TextAsync(api.Partner(draft.PartnerB), $"/api/v1/memoranda/{draft.Memorandum}", HttpStatusCode.NotFound);
        var log = await TextAsync(api.Partner(draft.PartnerB), $"/api/v1/audit/events?stream={stream}");
        log.Should().NotContain(stream);
        await TextAsync(api.Partner(draft.PartnerA), $"/api/v1/audit/streams/{stream}/history");
    }

    [Fact]
    public async Task another_party_reads_no_pending_or_returned_report_of_a_commitment()
    {
        var signed = await api.SignedMemorandumAsync();
        var commitment = await api.AcceptedCommitmentAsync(signed, signed.PartnerB);
        var url = $"/api/v1/commitments/{commitment}/progress-reports";
        var returned = await (await CreatedAsync(api.Partner(signed.PartnerB).PostAsync(url, ApiJson.Body(new
        {
            percent = 20m,
            narrative = new { zh = "园区已完成首轮招商路演", en = "First roadshow done, numbers unverified" },
            asOf = signed.Today,
        })))).CreatedIdAsync();
        await ScenarioObserversAndCases.ExpectOk(api.Office().PostAsync($"{url}/{returned}/return",
            ApiJson.Body(new { reason = new { zh = "请补充数据", en = "Attach the attendance figures first" } })));
        await CreatedAsync(api.Partner(signed.PartnerB).PostAsync(url, ApiJson.Body(new
        {
            percent = 30m,
            narrative = new { zh = "待审核的报告", en = "Pending report awaiting review" },
            asOf = signed.Today,
        })));

        foreach (var path in AuditPaths($"commitment-{commitment}").Append($"/api/v1/commitments/{commitment}"))
        {
            var body = await TextAsync(api.Partner(signed.PartnerA), path);
            body.Should().NotContain("numbers unverified", path).And.NotContain("attendance figures", path).And.NotContain("awaiting review", path);
            var owner = await TextAsync(api.Partner(signed.PartnerB), path);
            owner.Should().Contain("awaiting review", path);
        }

        var details = await (await api.Partner(signed.PartnerA).GetAsync($"/api/v1/commitments/{commitment}")).ReadJsonAsync();
        details["withheldReports"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task the_feedback_list_does_not_name_the_observer_who_wrote_an_item()
    {
        var (feedback, observer, department) = await api.AnsweredFeedbackAsync();
        await ScenarioObserversAndCases.ExpectOk(api.Office().PostAsync($"/api/v1/feedback/{feedback}/publish", null));
        var other = await api.AppointServingObserverAsync();

        foreach (var client in new[] { api.Partner(department), api.Observer(other) })
        {
            var list = await TextAsync(client, "/api/v1/feedback");
            list.Should().Contain(feedback.ToString()).And.NotContain(observer.ToString());
        }

        foreach (var path in AuditPaths($"feedback-{feedback}"))
        {
            (await TextAsync(api.Partner(department), path)).Should().NotContain(observer.ToString(), path);
        }

        (await TextAsync(api.Observer(observer), "/api/v1/feedback")).Should().Contain(observer.ToString());
    }
}

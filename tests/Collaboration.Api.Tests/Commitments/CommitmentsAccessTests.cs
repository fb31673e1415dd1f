using System.Globalization;
using System.Net;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Commitments;

/// <summary>
/// Who may touch a commitment: the office writes everything; a partner reads commitments of memoranda it is party
/// to and writes only on those its organisation owns; auditors read; observers have no access.
/// </summary>
public sealed class CommitmentsAccessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object MilestoneBody(SignedMemorandumScenario m) =>
        new { title = new { zh = "里程碑", en = "Milestone" }, dueDate = Date(m.Today.AddDays(20)), share = 10m };

    private static object ReportBody(SignedMemorandumScenario m) =>
        new { percent = 20m, narrative = new { zh = "进展", en = "Progress" }, asOf = Date(m.Today) };

    private static readonly object Reason = new { reason = new { zh = "原因", en = "Reason" } };

    /// <summary>A second memorandum that partner A is not party to, with a commitment owned by one of its parties.</summary>
    private async Task<(SignedMemorandumScenario Memorandum, Guid Commitment, Guid Report, Guid Milestone)> CommitmentWithReportAsync()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var id = await api.AcceptedCommitmentAsync(memorandum, memorandum.PartnerB);
        var owner = api.Partner(memorandum.PartnerB);
        var milestone = await (await owner.PostAsync($"/api/v1/commitments/{id}/milestones", ApiJson.Body(MilestoneBody(memorandum)))).CreatedIdAsync();
        var report = await (await owner.PostAsync($"/api/v1/commitments/{id}/progress-reports", ApiJson.Body(ReportBody(memorandum)))).CreatedIdAsync();
        return (memorandum, id, report, milestone);
    }

    /// <summary>Every write endpoint on an existing commitment, with a body that would be valid.</summary>
    private static IEnumerable<(string Url, object? Body)> Writes(SignedMemorandumScenario m, Guid id, Guid report, Guid milestone) =>
    [
        ($"/api/v1/commitments/{id}/accept", null),
        ($"/api/v1/commitments/{id}/milestones", MilestoneBody(m)),
        ($"/api/v1/commitments/{id}/milestones/{milestone}/reschedule", new { newDueDate = Date(m.Today.AddDays(25)), reason = new { zh = "原因", en = "Reason" } }),
        ($"/api/v1/commitments/{id}/milestones/{milestone}/complete", null),
        ($"/api/v1/commitments/{id}/progress-reports", ReportBody(m)),
        ($"/api/v1/commitments/{id}/progress-reports/{report}/approve", null),
        ($"/api/v1/commitments/{id}/progress-reports/{report}/return", Reason),
        ($"/api/v1/commitments/{id}/complete", null),
        ($"/api/v1/commitments/{id}/cancel", Reason),
    ];

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body) =>
        await client.PostAsync(url, body is null ? null : ApiJson.Body(body));

    [Fact]
    public async Task partner_that_is_not_a_party_cannot_read_a_commitment_and_is_told_it_does_not_exist()
    {
        var (memorandum, id, _, _) = await CommitmentWithReportAsync();

        var response = await api.Partner(memorandum.Outsider).GetAsync($"/api/v1/commitments/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task partner_a_never_reads_or_writes_partner_bs_commitment_under_a_memorandum_a_is_not_party_to()
    {
        // Partner A of one memorandum, and partner B's commitment (with a pending report) under another.
        var own = await api.SignedMemorandumAsync();
        var (memorandum, id, report, milestone) = await CommitmentWithReportAsync();
        var partnerA = api.Partner(own.PartnerA);

        var read = await partnerA.GetAsync($"/api/v1/commitments/{id}");
        read.StatusCode.Should().Be(HttpStatusCode.NotFound);
        foreach (var (url, body) in Writes(memorandum, id, report, milestone))
        {
            var response = await PostAsync(partnerA, url, body);
            response.StatusCode.Should().BeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Forbidden], url);
        }

        // Partner-writable endpoints answer 404 (existence not admitted), not 403.
        (await PostAsync(partnerA, $"/api/v1/commitments/{id}/progress-reports", ReportBody(memorandum))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await PostAsync(partnerA, $"/api/v1/commitments/{id}/milestones", MilestoneBody(memorandum))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var unchanged = await (await api.Office().GetAsync($"/api/v1/commitments/{id}")).ReadJsonAsync();
        unchanged["reports"]!.AsArray().Should().ContainSingle().Which!["status"]!.GetValue<string>().Should().Be("Submitted");
        unchanged["milestones"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task party_reads_another_partys_commitment_under_a_shared_memorandum_but_cannot_write_on_it()
    {
        var (memorandum, id, report, milestone) = await CommitmentWithReportAsync();
        var partnerA = api.Partner(memorandum.PartnerA);

        var read = await partnerA.GetAsync($"/api/v1/commitments/{id}");
        var submit = await PostAsync(partnerA, $"/api/v1/commitments/{id}/progress-reports", ReportBody(memorandum));
        var add = await PostAsync(partnerA, $"/api/v1/commitments/{id}/milestones", MilestoneBody(memorandum));
        var complete = await PostAsync(partnerA, $"/api/v1/commitments/{id}/milestones/{milestone}/complete", null);
        var approve = await PostAsync(partnerA, $"/api/v1/commitments/{id}/progress-reports/{report}/approve", null);

        read.StatusCode.Should().Be(HttpStatusCode.OK);
        submit.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        add.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        complete.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        approve.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task owner_cannot_review_its_own_report_or_accept_complete_or_cancel()
    {
        var (memorandum, id, report, _) = await CommitmentWithReportAsync();
        var owner = api.Partner(memorandum.PartnerB);

        (await PostAsync(owner, $"/api/v1/commitments/{id}/progress-reports/{report}/approve", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await PostAsync(owner, $"/api/v1/commitments/{id}/progress-reports/{report}/return", Reason)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await PostAsync(owner, $"/api/v1/commitments/{id}/accept", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await PostAsync(owner, $"/api/v1/commitments/{id}/complete", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await PostAsync(owner, $"/api/v1/commitments/{id}/cancel", Reason)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task partner_cannot_propose_for_another_organisation()
    {
        var memorandum = await api.SignedMemorandumAsync();

        var response = await api.Partner(memorandum.PartnerA).PostAsync("/api/v1/commitments", ApiJson.Body(ScenarioCommitments.ProposeBody(memorandum, memorandum.PartnerB)));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task partner_that_is_not_a_party_cannot_propose_and_is_told_the_memorandum_does_not_exist()
    {
        var memorandum = await api.SignedMemorandumAsync();

        var response = await api.Partner(memorandum.Outsider).PostAsync("/api/v1/commitments", ApiJson.Body(ScenarioCommitments.ProposeBody(memorandum, memorandum.Outsider)));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task auditor_reads_a_commitment_but_every_write_is_403_and_changes_nothing()
    {
        var (memorandum, id, report, milestone) = await CommitmentWithReportAsync();
        var auditor = api.Auditor();
        var before = (await api.Office().GetAsync($"/api/v1/commitments/{id}")).ETagRevision();

        (await auditor.GetAsync($"/api/v1/commitments/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await auditor.PostAsync("/api/v1/commitments", ApiJson.Body(ScenarioCommitments.ProposeBody(memorandum, memorandum.PartnerA))))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        foreach (var (url, body) in Writes(memorandum, id, report, milestone))
        {
            (await PostAsync(auditor, url, body)).StatusCode.Should().Be(HttpStatusCode.Forbidden, url);
        }

        (await api.Office().GetAsync($"/api/v1/commitments/{id}")).ETagRevision().Should().Be(before);
    }

    [Fact]
    public async Task observer_has_no_access_to_commitments()
    {
        var (memorandum, id, report, milestone) = await CommitmentWithReportAsync();
        var observer = api.Observer(Guid.NewGuid());

        (await observer.GetAsync($"/api/v1/commitments/{id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await observer.PostAsync("/api/v1/commitments", ApiJson.Body(ScenarioCommitments.ProposeBody(memorandum, memorandum.PartnerA))))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        foreach (var (url, body) in Writes(memorandum, id, report, milestone))
        {
            (await PostAsync(observer, url, body)).StatusCode.Should().Be(HttpStatusCode.Forbidden, url);
        }
    }

    [Fact]
    public async Task unknown_commitment_is_404_for_the_office_on_read_and_write()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var unknown = Guid.NewGuid();

        (await api.Office().GetAsync($"/api/v1/commitments/{unknown}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        foreach (var (url, body) in Writes(memorandum, unknown, Guid.NewGuid(), Guid.NewGuid()))
        {
            var response = await PostAsync(api.Office(), url, body);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, url);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
    }

    [Fact]
    public async Task unknown_commitment_is_404_for_a_partner_too()
    {
        var memorandum = await api.SignedMemorandumAsync();

        var response = await PostAsync(api.Partner(memorandum.PartnerA), $"/api/v1/commitments/{Guid.NewGuid()}/progress-reports", ReportBody(memorandum));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

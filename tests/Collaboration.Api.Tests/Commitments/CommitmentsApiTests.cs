using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Commitments;

/// <summary>The happy path of every commitment action, read back through <c>GET /api/v1/commitments/{id}</c>.</summary>
public sealed class CommitmentsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<JsonNode> ReadAsync(Guid id)
    {
        var response = await api.Office().GetAsync($"/api/v1/commitments/{id}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private async Task<Guid> AddMilestoneAsync(HttpClient client, Guid commitment, DateOnly due, decimal share)
    {
        var response = await client.PostAsync($"/api/v1/commitments/{commitment}/milestones", ApiJson.Body(new
        {
            title = new { zh = "完成外籍人才服务窗口建设", en = "Open the foreign talent service desk" },
            dueDate = Date(due),
            share,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.CreatedIdAsync();
    }

    private async Task<Guid> SubmitReportAsync(HttpClient client, Guid commitment, decimal percent, DateOnly asOf)
    {
        var response = await client.PostAsync($"/api/v1/commitments/{commitment}/progress-reports", ApiJson.Body(new
        {
            percent,
            narrative = new { zh = "已接待外籍人才咨询 40 次", en = "Handled 40 enquiries from foreign talent" },
            asOf = Date(asOf),
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.CreatedIdAsync();
    }

    [Fact]
    public async Task a_milestone_beyond_the_limit_is_refused_with_422_problem_details()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var commitment = await api.AcceptedCommitmentAsync(memorandum, memorandum.PartnerA);
        var office = api.Office();
        for (var i = 0; i < 200; i++)
        {
            await AddMilestoneAsync(office, commitment, memorandum.DueDate, 0.1m);
        }

        var response = await office.PostAsync($"/api/v1/commitments/{commitment}/milestones", ApiJson.Body(new
        {
            title = new { zh = "第二百零一个里程碑", en = "Milestone 201" },
            dueDate = Date(memorandum.DueDate),
            share = 0.1m,
        }));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem["code"]!.GetValue<string>().Should().Be("commitment.milestone-limit-reached");
        problem.ToJsonString().Should().Contain("200");
    }

    [Fact]
    public async Task office_proposes_a_commitment_and_reads_it_back_proposed_and_not_started()
    {
        var memorandum = await api.SignedMemorandumAsync();

        var response = await api.Office().PostAsync("/api/v1/commitments", ApiJson.Body(ScenarioCommitments.ProposeBody(memorandum, memorandum.PartnerA)));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = await response.CreatedIdAsync();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/commitments/{id}");
        response.ETagRevision().Should().Be(0);
        var read = await api.Office().GetAsync($"/api/v1/commitments/{id}");
        read.ETagRevision().Should().Be(0);
        var json = await read.ReadJsonAsync();
        json["stage"]!.GetValue<string>().Should().Be("Proposed");
        json["status"]!.GetValue<string>().Should().Be("NotStarted");
        json["ogp"]!.GetValue<string>().Should().Be("NotStarted");
        json["owner"]!.GetValue<Guid>().Should().Be(memorandum.PartnerA);
        json["memorandum"]!.GetValue<Guid>().Should().Be(memorandum.Memorandum);
        json["asOf"]!.GetValue<string>().Should().Be(Date(memorandum.Today));
        json["proposedOn"]!.GetValue<string>().Should().Be(Date(memorandum.Today), "the business date is Shanghai's calendar day");
    }

    [Fact]
    public async Task partner_proposes_a_commitment_for_its_own_organisation()
    {
        var memorandum = await api.SignedMemorandumAsync();

        var response = await api.Partner(memorandum.PartnerB).PostAsync("/api/v1/commitments", ApiJson.Body(ScenarioCommitments.ProposeBody(memorandum, memorandum.PartnerB)));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = await ReadAsync(await response.CreatedIdAsync());
        json["owner"]!.GetValue<Guid>().Should().Be(memorandum.PartnerB);
    }

    [Fact]
    public async Task office_accepts_a_proposed_commitment()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var id = await api.ProposedCommitmentAsync(memorandum, memorandum.PartnerA);

        var response = await api.Office().SendAsync(ApiJson.Post($"/api/v1/commitments/{id}/accept", new { }, ifMatch: 0));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.ETagRevision().Should().Be(1);
        (await ReadAsync(id))["stage"]!.GetValue<string>().Should().Be("Accepted");
    }

    [Fact]
    public async Task owner_adds_reschedules_and_completes_a_milestone_and_its_share_counts()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var id = await api.AcceptedCommitmentAsync(memorandum, memorandum.PartnerA);
        var partner = api.Partner(memorandum.PartnerA);

        var milestone = await AddMilestoneAsync(partner, id, memorandum.Today.AddDays(30), 40m);
        var rescheduled = await partner.PostAsync($"/api/v1/commitments/{id}/milestones/{milestone}/reschedule", ApiJson.Body(new
        {
            newDueDate = Date(memorandum.Today.AddDays(45)),
            reason = new { zh = "场地装修延期", en = "Fit-out of the premises was delayed" },
        }));
        var completed = await partner.PostAsync($"/api/v1/commitments/{id}/milestones/{milestone}/complete", null);

        rescheduled.StatusCode.Should().Be(HttpStatusCode.OK, await rescheduled.Content.ReadAsStringAsync());
        completed.StatusCode.Should().Be(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        var json = await ReadAsync(id);
        var saved = json["milestones"]!.AsArray().Single()!;
        saved["id"]!.GetValue<Guid>().Should().Be(milestone);
        saved["dueDate"]!.GetValue<string>().Should().Be(Date(memorandum.Today.AddDays(45)));
        saved["reschedules"]!.GetValue<int>().Should().Be(1);
        saved["status"]!.GetValue<string>().Should().Be("Done");
        json["approvedProgress"]!.GetValue<decimal>().Should().Be(40m);
        json["status"]!.GetValue<string>().Should().Be("OnTrack");
        json["ogp"]!.GetValue<string>().Should().Be("Limited");
    }

    [Fact]
    public async Task partner_report_waits_for_review_and_counts_once_the_office_approves_it()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var id = await api.AcceptedCommitmentAsync(memorandum, memorandum.PartnerA);
        var report = await SubmitReportAsync(api.Partner(memorandum.PartnerA), id, 60m, memorandum.Today);

        var pending = await ReadAsync(id);
        var approved = await api.Office().PostAsync($"/api/v1/commitments/{id}/progress-reports/{report}/approve", null);

        pending["reports"]!.AsArray().Single()!["status"]!.GetValue<string>().Should().Be("Submitted");
        pending["approvedProgress"]!.GetValue<decimal>().Should().Be(0m);
        approved.StatusCode.Should().Be(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var json = await ReadAsync(id);
        json["reports"]!.AsArray().Single()!["status"]!.GetValue<string>().Should().Be("Approved");
        json["approvedProgress"]!.GetValue<decimal>().Should().Be(60m);
        json["ogp"]!.GetValue<string>().Should().Be("Substantial");
        json["status"]!.GetValue<string>().Should().Be("OnTrack");
        json["approvedHistory"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task office_returns_a_report_with_a_reason_and_it_never_counts()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var id = await api.AcceptedCommitmentAsync(memorandum, memorandum.PartnerA);
        var report = await SubmitReportAsync(api.Partner(memorandum.PartnerA), id, 90m, memorandum.Today);

        var response = await api.Office().PostAsync($"/api/v1/commitments/{id}/progress-reports/{report}/return", ApiJson.Body(new
        {
            reason = new { zh = "请补充证明材料", en = "Please attach supporting evidence" },
        }));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var json = await ReadAsync(id);
        var saved = json["reports"]!.AsArray().Single()!;
        saved["status"]!.GetValue<string>().Should().Be("Returned");
        saved["returnReason"]!["en"]!.GetValue<string>().Should().Be("Please attach supporting evidence");
        json["approvedProgress"]!.GetValue<decimal>().Should().Be(0m);
    }

    [Fact]
    public async Task office_report_counts_at_once()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var id = await api.AcceptedCommitmentAsync(memorandum, memorandum.PartnerA);

        await SubmitReportAsync(api.Office(), id, 30m, memorandum.Today);

        var json = await ReadAsync(id);
        json["reports"]!.AsArray().Single()!["status"]!.GetValue<string>().Should().Be("Approved");
        json["approvedProgress"]!.GetValue<decimal>().Should().Be(30m);
    }

    [Fact]
    public async Task office_completes_a_commitment_whose_milestones_are_done()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var id = await api.AcceptedCommitmentAsync(memorandum, memorandum.PartnerA);
        var milestone = await AddMilestoneAsync(api.Office(), id, memorandum.Today.AddDays(10), 100m);
        (await api.Office().PostAsync($"/api/v1/commitments/{id}/milestones/{milestone}/complete", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await api.Office().PostAsync($"/api/v1/commitments/{id}/complete", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var json = await ReadAsync(id);
        json["stage"]!.GetValue<string>().Should().Be("Completed");
        json["status"]!.GetValue<string>().Should().Be("Completed");
        json["ogp"]!.GetValue<string>().Should().Be("Complete");
        json["approvedProgress"]!.GetValue<decimal>().Should().Be(100m);
    }

    [Fact]
    public async Task office_cancels_a_commitment_with_a_reason()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var id = await api.ProposedCommitmentAsync(memorandum, memorandum.PartnerB);

        var response = await api.Office().PostAsync($"/api/v1/commitments/{id}/cancel", ApiJson.Body(new
        {
            reason = new { zh = "合作方调整工作计划", en = "The partner changed its work plan" },
        }));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var json = await ReadAsync(id);
        json["stage"]!.GetValue<string>().Should().Be("Cancelled");
        json["status"]!.GetValue<string>().Should().Be("Cancelled");
    }

    [Fact]
    public async Task retried_milestone_addition_with_the_same_idempotency_key_adds_one_milestone_with_one_id()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var id = await api.AcceptedCommitmentAsync(memorandum, memorandum.PartnerA);
        var partner = api.Partner(memorandum.PartnerA);
        var body = new { title = new { zh = "签约", en = "Sign the lease" }, dueDate = Date(memorandum.Today.AddDays(20)), share = 10m };
        var key = Guid.NewGuid().ToString();

        var first = await partner.SendAsync(ApiJson.Post($"/api/v1/commitments/{id}/milestones", body, idempotencyKey: key));
        var second = await partner.SendAsync(ApiJson.Post($"/api/v1/commitments/{id}/milestones", body, idempotencyKey: key));

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.Created);
        (await second.CreatedIdAsync()).Should().Be(await first.CreatedIdAsync());
        (await ReadAsync(id))["milestones"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task openapi_document_describes_every_commitment_endpoint()
    {
        var response = await api.CreateClient().GetAsync("/swagger/v1/swagger.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var paths = (await response.ReadJsonAsync())["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.Should().Contain(
        [
            "/api/v1/commitments",
            "/api/v1/commitments/{id}",
            "/api/v1/commitments/{id}/accept",
            "/api/v1/commitments/{id}/milestones",
            "/api/v1/commitments/{id}/milestones/{milestoneId}/reschedule",
            "/api/v1/commitments/{id}/milestones/{milestoneId}/complete",
            "/api/v1/commitments/{id}/progress-reports",
            "/api/v1/commitments/{id}/progress-reports/{reportId}/approve",
            "/api/v1/commitments/{id}/progress-reports/{reportId}/return",
            "/api/v1/commitments/{id}/complete",
            "/api/v1/commitments/{id}/cancel",
        ]);
    }
}

using System.Globalization;
using System.Net;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Commitments;

/// <summary>Bad input on every endpoint is a 4xx problem (never a 5xx), and domain refusals keep their codes.</summary>
public sealed class CommitmentsInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        if (code is not null)
        {
            var json = await response.ReadJsonAsync();
            json["code"]!.GetValue<string>().Should().Be(code);
            json["message"]!["zh"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
            json["message"]!["en"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        }
    }

    private async Task<(SignedMemorandumScenario Memorandum, Guid Commitment, Guid Milestone, Guid Report)> AcceptedWithItemsAsync()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var id = await api.AcceptedCommitmentAsync(memorandum, memorandum.PartnerA);
        var office = api.Office();
        var milestone = await (await office.PostAsync($"/api/v1/commitments/{id}/milestones", ApiJson.Body(new
        {
            title = new { zh = "里程碑", en = "Milestone" }, dueDate = Date(memorandum.Today.AddDays(20)), share = 50m,
        }))).CreatedIdAsync();
        var report = await (await api.Partner(memorandum.PartnerA).PostAsync($"/api/v1/commitments/{id}/progress-reports", ApiJson.Body(new
        {
            percent = 10m, narrative = new { zh = "进展", en = "Progress" }, asOf = Date(memorandum.Today),
        }))).CreatedIdAsync();
        return (memorandum, id, milestone, report);
    }

    [Fact]
    public async Task propose_with_a_missing_field_a_wrong_type_or_an_unknown_enum_is_400()
    {
        var m = await api.SignedMemorandumAsync();
        var office = api.Office();
        var due = Date(m.DueDate);

        await ShouldBeProblemAsync(await office.PostAsync("/api/v1/commitments", ApiJson.Body(
            $$"""{"memorandum":"{{m.Memorandum}}","focusArea":"HighLevelTalentServices","owner":"{{m.PartnerA}}","description":{"zh":"说明","en":"Text"},"dueDate":"{{due}}"}""")),
            HttpStatusCode.BadRequest);
        await ShouldBeProblemAsync(await office.PostAsync("/api/v1/commitments", ApiJson.Body(
            $$"""{"memorandum":"{{m.Memorandum}}","focusArea":"HighLevelTalentServices","owner":"{{m.PartnerA}}","description":{"zh":"说明","en":"Text"},"dueDate":"next spring","weight":1}""")),
            HttpStatusCode.BadRequest);
        await ShouldBeProblemAsync(await office.PostAsync("/api/v1/commitments", ApiJson.Body(
            $$"""{"memorandum":"{{m.Memorandum}}","focusArea":"Gardening","owner":"{{m.PartnerA}}","description":{"zh":"说明","en":"Text"},"dueDate":"{{due}}","weight":1}""")),
            HttpStatusCode.BadRequest);
        await ShouldBeProblemAsync(await office.PostAsync("/api/v1/commitments", ApiJson.Body(
            $$"""{"memorandum":"not-a-guid","focusArea":"HighLevelTalentServices","owner":"{{m.PartnerA}}","description":{"zh":"说明","en":"Text"},"dueDate":"{{due}}","weight":1}""")),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task propose_with_an_out_of_range_weight_names_the_field()
    {
        var m = await api.SignedMemorandumAsync();

        var response = await api.Office().PostAsync("/api/v1/commitments", ApiJson.Body(ScenarioCommitments.ProposeBody(m, m.PartnerA, weight: -1m)));

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync())["errors"]!.AsObject().Select(p => p.Key).Should().Contain("weight");
    }

    [Fact]
    public async Task propose_under_an_unknown_memorandum_is_a_404_problem_with_its_code()
    {
        var m = await api.SignedMemorandumAsync();

        var response = await api.Office().PostAsync("/api/v1/commitments", ApiJson.Body(ScenarioCommitments.ProposeBody(m with { Memorandum = Guid.NewGuid() }, m.PartnerA)));

        await ShouldBeProblemAsync(response, HttpStatusCode.NotFound, "commitment.memorandum-not-found");
    }

    [Fact]
    public async Task propose_for_an_owner_who_is_not_a_party_is_refused_with_its_code()
    {
        var m = await api.SignedMemorandumAsync();

        var response = await api.Office().PostAsync("/api/v1/commitments", ApiJson.Body(ScenarioCommitments.ProposeBody(m, m.Outsider)));

        await ShouldBeProblemAsync(response, HttpStatusCode.UnprocessableEntity, "commitment.owner-not-party");
    }

    [Fact]
    public async Task propose_with_a_due_date_after_the_term_is_refused_with_its_code()
    {
        var m = await api.SignedMemorandumAsync();

        var response = await api.Office().PostAsync("/api/v1/commitments", ApiJson.Body(ScenarioCommitments.ProposeBody(m, m.PartnerA, dueDate: m.TermEnd.AddDays(1))));

        await ShouldBeProblemAsync(response, HttpStatusCode.UnprocessableEntity, "commitment.due-outside-term");
    }

    [Fact]
    public async Task accepting_twice_is_refused_with_its_code()
    {
        var m = await api.SignedMemorandumAsync();
        var id = await api.AcceptedCommitmentAsync(m, m.PartnerA);

        await ShouldBeProblemAsync(await api.Office().PostAsync($"/api/v1/commitments/{id}/accept", null), HttpStatusCode.UnprocessableEntity, "commitment.not-proposed");
    }

    [Fact]
    public async Task malformed_if_match_is_400()
    {
        var m = await api.SignedMemorandumAsync();
        var id = await api.ProposedCommitmentAsync(m, m.PartnerA);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/commitments/{id}/accept");
        request.Headers.TryAddWithoutValidation("If-Match", "yesterday");

        await ShouldBeProblemAsync(await api.Office().SendAsync(request), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task stale_if_match_is_412()
    {
        var m = await api.SignedMemorandumAsync();
        var id = await api.AcceptedCommitmentAsync(m, m.PartnerA);

        var response = await api.Office().SendAsync(ApiJson.Post($"/api/v1/commitments/{id}/cancel", new { reason = new { zh = "原因", en = "Reason" } }, ifMatch: 0));

        await ShouldBeProblemAsync(response, HttpStatusCode.PreconditionFailed, "request.precondition-failed");
    }

    [Fact]
    public async Task milestone_with_an_out_of_range_share_or_a_wrong_type_is_400()
    {
        var (m, id, _, _) = await AcceptedWithItemsAsync();
        var office = api.Office();

        var share = await office.PostAsync($"/api/v1/commitments/{id}/milestones", ApiJson.Body(new { title = new { zh = "里程碑", en = "M" }, dueDate = Date(m.Today.AddDays(5)), share = 150m }));
        var type = await office.PostAsync($"/api/v1/commitments/{id}/milestones", ApiJson.Body($$"""{"title":{"zh":"里程碑","en":"M"},"dueDate":"{{Date(m.Today)}}","share":"ten"}"""));

        await ShouldBeProblemAsync(share, HttpStatusCode.BadRequest);
        (await share.ReadJsonAsync())["errors"]!.AsObject().Select(p => p.Key).Should().Contain("share");
        await ShouldBeProblemAsync(type, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task milestone_due_after_the_commitment_is_refused_with_its_code()
    {
        var (m, id, _, _) = await AcceptedWithItemsAsync();

        var response = await api.Office().PostAsync($"/api/v1/commitments/{id}/milestones", ApiJson.Body(new { title = new { zh = "里程碑", en = "M" }, dueDate = Date(m.DueDate.AddDays(1)), share = 10m }));

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, "commitment.milestone-due-out-of-range");
    }

    [Fact]
    public async Task milestone_shares_above_100_are_refused_with_their_code()
    {
        var (m, id, _, _) = await AcceptedWithItemsAsync();

        var response = await api.Office().PostAsync($"/api/v1/commitments/{id}/milestones", ApiJson.Body(new { title = new { zh = "里程碑", en = "M" }, dueDate = Date(m.Today.AddDays(5)), share = 60m }));

        await ShouldBeProblemAsync(response, HttpStatusCode.UnprocessableEntity, "commitment.milestone-shares-exceed-total");
    }

    [Fact]
    public async Task reschedule_with_a_missing_reason_or_a_malformed_date_is_400_and_an_unknown_milestone_is_404()
    {
        var (m, id, milestone, _) = await AcceptedWithItemsAsync();
        var office = api.Office();

        var missing = await office.PostAsync($"/api/v1/commitments/{id}/milestones/{milestone}/reschedule", ApiJson.Body(new { newDueDate = Date(m.Today.AddDays(9)) }));
        var malformed = await office.PostAsync($"/api/v1/commitments/{id}/milestones/{milestone}/reschedule", ApiJson.Body("""{"newDueDate":"2025-02-30","reason":{"zh":"原因","en":"R"}}"""));
        var empty = await office.PostAsync($"/api/v1/commitments/{id}/milestones/{milestone}/reschedule", ApiJson.Body(new { newDueDate = Date(m.Today.AddDays(9)), reason = new { zh = " ", en = "" } }));
        var unknown = await office.PostAsync($"/api/v1/commitments/{id}/milestones/{Guid.NewGuid()}/reschedule", ApiJson.Body(new { newDueDate = Date(m.Today.AddDays(9)), reason = new { zh = "原因", en = "R" } }));

        await ShouldBeProblemAsync(missing, HttpStatusCode.BadRequest);
        await ShouldBeProblemAsync(malformed, HttpStatusCode.BadRequest);
        await ShouldBeProblemAsync(empty, HttpStatusCode.BadRequest, "commitment.reschedule-reason-required");
        await ShouldBeProblemAsync(unknown, HttpStatusCode.NotFound, "commitment.milestone-not-found");
    }

    [Fact]
    public async Task completing_a_milestone_twice_is_refused_with_its_code()
    {
        var (_, id, milestone, _) = await AcceptedWithItemsAsync();
        var office = api.Office();
        (await office.PostAsync($"/api/v1/commitments/{id}/milestones/{milestone}/complete", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        await ShouldBeProblemAsync(await office.PostAsync($"/api/v1/commitments/{id}/milestones/{milestone}/complete", null), HttpStatusCode.UnprocessableEntity, "commitment.milestone-not-open");
    }

    [Fact]
    public async Task completing_a_milestone_on_a_route_without_a_guid_is_404()
    {
        var (_, id, _, _) = await AcceptedWithItemsAsync();

        var response = await api.Office().PostAsync($"/api/v1/commitments/{id}/milestones/first/complete", null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task report_with_an_out_of_range_percent_or_a_missing_narrative_is_400()
    {
        var (m, id, _, _) = await AcceptedWithItemsAsync();
        var partner = api.Partner(m.PartnerA);

        var percent = await partner.PostAsync($"/api/v1/commitments/{id}/progress-reports", ApiJson.Body(new { percent = 101m, narrative = new { zh = "进展", en = "P" }, asOf = Date(m.Today) }));
        var narrative = await partner.PostAsync($"/api/v1/commitments/{id}/progress-reports", ApiJson.Body(new { percent = 10m, asOf = Date(m.Today) }));

        await ShouldBeProblemAsync(percent, HttpStatusCode.BadRequest);
        (await percent.ReadJsonAsync())["errors"]!.AsObject().Select(p => p.Key).Should().Contain("percent");
        await ShouldBeProblemAsync(narrative, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task second_report_while_one_is_pending_is_refused_with_its_code()
    {
        var (m, id, _, _) = await AcceptedWithItemsAsync();

        var response = await api.Partner(m.PartnerA).PostAsync($"/api/v1/commitments/{id}/progress-reports", ApiJson.Body(new { percent = 20m, narrative = new { zh = "进展", en = "P" }, asOf = Date(m.Today) }));

        await ShouldBeProblemAsync(response, HttpStatusCode.Conflict, "commitment.report-pending");
    }

    [Fact]
    public async Task report_dated_in_the_future_is_refused_with_its_code()
    {
        var m = await api.SignedMemorandumAsync();
        var id = await api.AcceptedCommitmentAsync(m, m.PartnerA);

        var response = await api.Partner(m.PartnerA).PostAsync($"/api/v1/commitments/{id}/progress-reports", ApiJson.Body(new { percent = 20m, narrative = new { zh = "进展", en = "P" }, asOf = Date(m.Today.AddDays(2)) }));

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, "commitment.progress-as-of-invalid");
    }

    [Fact]
    public async Task report_on_a_proposal_that_is_not_accepted_is_refused_with_its_code()
    {
        var m = await api.SignedMemorandumAsync();
        var id = await api.ProposedCommitmentAsync(m, m.PartnerA);

        var response = await api.Partner(m.PartnerA).PostAsync($"/api/v1/commitments/{id}/progress-reports", ApiJson.Body(new { percent = 20m, narrative = new { zh = "进展", en = "P" }, asOf = Date(m.Today) }));

        await ShouldBeProblemAsync(response, HttpStatusCode.UnprocessableEntity, "commitment.not-accepted");
    }

    [Fact]
    public async Task approving_an_unknown_report_is_404_and_approving_twice_is_refused_with_its_code()
    {
        var (_, id, _, report) = await AcceptedWithItemsAsync();
        var office = api.Office();

        var unknown = await office.PostAsync($"/api/v1/commitments/{id}/progress-reports/{Guid.NewGuid()}/approve", null);
        (await office.PostAsync($"/api/v1/commitments/{id}/progress-reports/{report}/approve", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var twice = await office.PostAsync($"/api/v1/commitments/{id}/progress-reports/{report}/approve", null);

        await ShouldBeProblemAsync(unknown, HttpStatusCode.NotFound, "commitment.report-not-found");
        await ShouldBeProblemAsync(twice, HttpStatusCode.UnprocessableEntity, "commitment.report-not-pending");
    }

    [Fact]
    public async Task return_with_a_missing_or_empty_reason_is_400()
    {
        var (_, id, _, report) = await AcceptedWithItemsAsync();
        var office = api.Office();

        var missing = await office.PostAsync($"/api/v1/commitments/{id}/progress-reports/{report}/return", ApiJson.Body("{}"));
        var empty = await office.PostAsync($"/api/v1/commitments/{id}/progress-reports/{report}/return", ApiJson.Body(new { reason = new { zh = "", en = "  " } }));

        await ShouldBeProblemAsync(missing, HttpStatusCode.BadRequest);
        await ShouldBeProblemAsync(empty, HttpStatusCode.BadRequest, "commitment.return-reason-required");
    }

    [Fact]
    public async Task completing_with_an_open_milestone_is_refused_with_its_code()
    {
        var (_, id, _, _) = await AcceptedWithItemsAsync();

        var response = await api.Office().PostAsync($"/api/v1/commitments/{id}/complete", null);

        await ShouldBeProblemAsync(response, HttpStatusCode.UnprocessableEntity, "commitment.milestones-incomplete");
    }

    [Fact]
    public async Task cancel_with_a_reason_of_the_wrong_type_is_400_and_cancelling_twice_is_refused_with_its_code()
    {
        var m = await api.SignedMemorandumAsync();
        var id = await api.ProposedCommitmentAsync(m, m.PartnerA);
        var office = api.Office();

        var wrong = await office.PostAsync($"/api/v1/commitments/{id}/cancel", ApiJson.Body("""{"reason":42}"""));
        (await office.PostAsync($"/api/v1/commitments/{id}/cancel", ApiJson.Body(new { reason = new { zh = "原因", en = "R" } }))).StatusCode.Should().Be(HttpStatusCode.OK);
        var twice = await office.PostAsync($"/api/v1/commitments/{id}/cancel", ApiJson.Body(new { reason = new { zh = "原因", en = "R" } }));

        await ShouldBeProblemAsync(wrong, HttpStatusCode.BadRequest);
        await ShouldBeProblemAsync(twice, HttpStatusCode.UnprocessableEntity, "commitment.closed");
    }

    [Fact]
    public async Task on_a_suspended_memorandum_progress_is_refused_but_return_and_cancel_still_work()
    {
        var (m, id, _, report) = await AcceptedWithItemsAsync();
        await api.SuspendMemorandumAsync(m);
        var office = api.Office();

        var approve = await office.PostAsync($"/api/v1/commitments/{id}/progress-reports/{report}/approve", null);
        var returned = await office.PostAsync($"/api/v1/commitments/{id}/progress-reports/{report}/return", ApiJson.Body(new { reason = new { zh = "备忘录已暂停", en = "The memorandum is suspended" } }));
        var cancelled = await office.PostAsync($"/api/v1/commitments/{id}/cancel", ApiJson.Body(new { reason = new { zh = "备忘录已暂停", en = "The memorandum is suspended" } }));

        await ShouldBeProblemAsync(approve, HttpStatusCode.UnprocessableEntity, "commitment.memorandum-not-active");
        returned.StatusCode.Should().Be(HttpStatusCode.OK, await returned.Content.ReadAsStringAsync());
        cancelled.StatusCode.Should().Be(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task reading_with_a_malformed_id_is_404()
    {
        var response = await api.Office().GetAsync("/api/v1/commitments/not-a-guid");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

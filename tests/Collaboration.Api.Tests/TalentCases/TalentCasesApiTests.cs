using System.Net;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Calendar;
using static Collaboration.Api.Tests.Fixtures.ScenarioObserversAndCases;

namespace Collaboration.Api.Tests.TalentCases;

public sealed class TalentCasesApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly object Outcome = new { outcome = new { zh = "已签发工作许可。", en = "Work permit issued." } };

    private Task<HttpResponseMessage> Act(Guid id, string action, object? body = null, HttpClient? client = null) =>
        (client ?? api.Office()).PostAsync($"/api/v1/talent-cases/{id}/{action}", body is null ? null : ApiJson.Body(body));

    private async Task<System.Text.Json.Nodes.JsonNode> ReadCaseAsync(Guid id)
    {
        var response = await api.Office().GetAsync($"/api/v1/talent-cases/{id}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task office_opens_a_case_and_reads_it_with_the_deadline_derived_for_today()
    {
        var response = await api.Office().PostAsync("/api/v1/talent-cases", ApiJson.Body(CaseBody()));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = await response.CreatedIdAsync();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/talent-cases/{id}");
        var read = await api.Office().GetAsync($"/api/v1/talent-cases/{id}");
        read.ETagRevision().Should().Be(response.ETagRevision());
        var json = await read.ReadJsonAsync();
        var today = TodayInShanghai;
        json["status"]!.GetValue<string>().Should().Be("Open");
        json["serviceLimitWorkingDays"]!.GetValue<int>().Should().Be(10);
        json["dueOn"]!.GetValue<string>().Should().Be(WorkingCalendar.China.AddWorkingDays(today, 10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json["today"]!.GetValue<string>().Should().Be(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json["workingDaysLeft"]!.GetValue<int>().Should().Be(10);
        json["overdue"]!.GetValue<bool>().Should().BeFalse();
        json["talent"]!["email"]!.GetValue<string>().Should().Be("robert@example.ro");
        json["talent"]!["contactWithheld"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task office_works_a_case_through_assignment_information_request_extension_escalation_resolution_rating_and_reopening()
    {
        var id = await api.OpenCaseAsync();

        await ExpectOk(Act(id, "assign", new { department = "exit-entry-bureau", officer = "officer-017" }));
        await ExpectOk(Act(id, "notes", new { text = "Called the applicant about the passport copy." }));
        await ExpectOk(Act(id, "request-information", new { request = new { zh = "请补充护照复印件。", en = "Please provide a passport copy." } }));
        var awaiting = await ReadCaseAsync(id);
        awaiting["status"]!.GetValue<string>().Should().Be("AwaitingInformation");
        awaiting["paused"]!.GetValue<bool>().Should().BeTrue();
        awaiting["informationRequest"]!["en"]!.GetValue<string>().Should().Be("Please provide a passport copy.");
        awaiting["reminderDue"].Should().BeNull();

        await ExpectOk(Act(id, "information-received"));
        await ExpectOk(Act(id, "extend-deadline", new { reason = new { zh = "需部门会商。", en = "Needs inter-department review." }, extraWorkingDays = 5 }));
        await ExpectOk(Act(id, "escalate", new { reason = new { zh = "督办", en = "Supervision" }, level = "BureauLeadership" }));
        var open = await ReadCaseAsync(id);
        open["status"]!.GetValue<string>().Should().Be("Assigned");
        open["extended"]!.GetValue<bool>().Should().BeTrue();
        open["escalation"]!.GetValue<string>().Should().Be("BureauLeadership");
        open["workingDaysLeft"]!.GetValue<int>().Should().Be(15);

        await ExpectOk(Act(id, "resolve", Outcome));
        var rated = await ExpectOk(Act(id, "satisfaction", new { score = 5 }));
        var resolved = await ReadCaseAsync(id);
        resolved["status"]!.GetValue<string>().Should().Be("Resolved");
        resolved["satisfaction"]!.GetValue<int>().Should().Be(5);
        resolved["resolvedWithinDeadline"]!.GetValue<bool>().Should().BeTrue();
        resolved["outcome"]!["en"]!.GetValue<string>().Should().Be("Work permit issued.");
        resolved["workingDaysLeft"].Should().BeNull();

        var reopened = await ExpectOk(Act(id, "reopen", Reason));
        reopened.ETagRevision().Should().Be(rated.ETagRevision() + 1);
        var again = await ReadCaseAsync(id);
        again["status"]!.GetValue<string>().Should().Be("Assigned");
        again["reopenCount"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task office_rejects_a_case_with_a_reason()
    {
        var id = await api.OpenCaseAsync();

        await ExpectOk(Act(id, "reject", new { reason = new { zh = "不属于受理范围。", en = "Outside the district's remit." } }));

        var json = await ReadCaseAsync(id);
        json["status"]!.GetValue<string>().Should().Be("Rejected");
        json["rejectionReason"]!["en"]!.GetValue<string>().Should().Be("Outside the district's remit.");
        json["closedOn"].Should().NotBeNull();
    }

    [Fact]
    public async Task referring_partner_reads_its_case_without_the_talents_contact_details()
    {
        var partner = await api.RegisterPartnerAsync();
        var id = await api.OpenCaseAsync(partner);

        var response = await api.Partner(partner).GetAsync($"/api/v1/talent-cases/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await response.ReadJsonAsync();
        json["referredBy"]!.GetValue<Guid>().Should().Be(partner);
        json["talent"]!["fullName"]!.GetValue<string>().Should().Be("Robert Popescu");
        json["talent"]!["email"].Should().BeNull();
        json["talent"]!["phone"].Should().BeNull();
        json["talent"]!["contactWithheld"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task partner_cannot_read_a_case_another_partner_referred_and_is_told_it_does_not_exist()
    {
        var referrer = await api.RegisterPartnerAsync();
        var other = await api.RegisterPartnerAsync();
        var referred = await api.OpenCaseAsync(referrer);
        var unreferred = await api.OpenCaseAsync();

        var toOther = await api.Partner(other).GetAsync($"/api/v1/talent-cases/{referred}");
        var toReferrer = await api.Partner(referrer).GetAsync($"/api/v1/talent-cases/{unreferred}");

        await toOther.ShouldBeProblem(HttpStatusCode.NotFound);
        await toReferrer.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task partner_cannot_write_even_on_a_case_it_referred()
    {
        var partner = await api.RegisterPartnerAsync();
        var id = await api.OpenCaseAsync(partner);

        var note = await Act(id, "notes", new { text = "x" }, api.Partner(partner));
        var open = await api.Partner(partner).PostAsync("/api/v1/talent-cases", ApiJson.Body(CaseBody(partner)));

        note.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        open.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task auditor_reads_every_case_with_contact_details_but_cannot_write()
    {
        var id = await api.OpenCaseAsync();

        var read = await api.Auditor().GetAsync($"/api/v1/talent-cases/{id}");
        var open = await api.Auditor().PostAsync("/api/v1/talent-cases", ApiJson.Body(CaseBody()));
        var resolve = await Act(id, "resolve", Outcome, api.Auditor());

        read.StatusCode.Should().Be(HttpStatusCode.OK);
        (await read.ReadJsonAsync())["talent"]!["phone"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        open.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        resolve.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task observer_cannot_read_a_case()
    {
        var id = await api.OpenCaseAsync();

        var response = await api.Observer(Guid.NewGuid()).GetAsync($"/api/v1/talent-cases/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task unknown_case_is_a_404_problem_for_reads_and_actions()
    {
        var unknown = Guid.NewGuid();

        await (await api.Office().GetAsync($"/api/v1/talent-cases/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await Act(unknown, "resolve", Outcome)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task second_deadline_extension_is_refused_with_its_code()
    {
        var id = await api.OpenCaseAsync();
        var extension = new { reason = new { zh = "会商", en = "Review" }, extraWorkingDays = 3 };
        await ExpectOk(Act(id, "extend-deadline", extension));

        var second = await Act(id, "extend-deadline", extension);

        await second.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "talent-case.already-extended");
    }

    [Fact]
    public async Task resolving_while_awaiting_information_is_refused_with_its_code()
    {
        var id = await api.OpenCaseAsync();
        await ExpectOk(Act(id, "request-information", new { request = new { zh = "补充材料", en = "More documents" } }));

        var response = await Act(id, "resolve", Outcome);

        await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "talent-case.awaiting-information");
    }

    [Fact]
    public async Task case_referred_by_an_unregistered_partner_is_refused_with_its_code()
    {
        var response = await api.Office().PostAsync("/api/v1/talent-cases", ApiJson.Body(CaseBody(Guid.NewGuid())));

        await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "talent-case.referrer-unknown");
    }

    [Fact]
    public async Task invalid_nationality_is_a_400_with_the_domain_code()
    {
        var body = new
        {
            talent = new { fullName = "Robert Popescu", email = "robert@example.ro", phone = (string?)null, person = (Guid?)null },
            nationality = "ro",
            category = "ForeignHighEndA",
            service = "WorkPermit",
            referredBy = (Guid?)null,
        };

        var response = await api.Office().PostAsync("/api/v1/talent-cases", ApiJson.Body(body));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "talent-case.nationality-invalid");
    }

    [Fact]
    public async Task extension_out_of_range_and_satisfaction_out_of_range_are_refused_with_their_codes()
    {
        var id = await api.OpenCaseAsync();

        var extension = await Act(id, "extend-deadline", new { reason = new { zh = "会商", en = "Review" }, extraWorkingDays = 16 });
        await ExpectOk(Act(id, "resolve", Outcome));
        var rating = await Act(id, "satisfaction", new { score = 6 });

        await extension.ShouldBeProblem(HttpStatusCode.BadRequest, "talent-case.extension-out-of-range");
        await rating.ShouldBeProblem(HttpStatusCode.BadRequest, "talent-case.satisfaction-out-of-range");
    }

    [Theory]
    [InlineData("", """{"talent":{"fullName":"R"},"nationality":"RO","category":"ForeignHighEndA","service":"WorkPermit"}""")]
    [InlineData("", """{"talent":{"person":null,"fullName":"R","email":"r@x.ro","phone":null},"nationality":"RO","category":"Z","service":"WorkPermit","referredBy":null}""")]
    [InlineData("/assign", """{"department":"bureau"}""")]
    [InlineData("/notes", """{"text":42}""")]
    [InlineData("/request-information", """{"request":"passport"}""")]
    [InlineData("/extend-deadline", """{"reason":{"zh":"会商","en":"Review"},"extraWorkingDays":"three"}""")]
    [InlineData("/escalate", """{"reason":{"zh":"督办","en":"Supervision"},"level":"Mayor"}""")]
    [InlineData("/resolve", """{"outcome":null}""")]
    [InlineData("/reject", """{}""")]
    [InlineData("/reopen", """{"reason":{"zh":"x","en":"y"},"extra":true}""")]
    [InlineData("/satisfaction", """{"score":4.5}""")]
    public async Task malformed_body_is_a_400_problem(string action, string json)
    {
        var id = await api.OpenCaseAsync();
        var url = action.Length == 0 ? "/api/v1/talent-cases" : $"/api/v1/talent-cases/{id}{action}";

        var response = await api.Office().PostAsync(url, ApiJson.Body(json));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task malformed_if_match_on_the_bodiless_information_receipt_is_a_400_problem()
    {
        var id = await api.OpenCaseAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/talent-cases/{id}/information-received");
        request.Headers.TryAddWithoutValidation("If-Match", "yesterday");

        var response = await api.Office().SendAsync(request);

        await response.ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task overlong_officer_is_a_400_naming_the_field()
    {
        var id = await api.OpenCaseAsync();

        var response = await Act(id, "assign", new { department = "bureau", officer = new string('o', 101) });

        await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync())["errors"]!["officer"].Should().NotBeNull();
    }

    [Fact]
    public async Task stale_if_match_on_an_action_is_412()
    {
        var id = await api.OpenCaseAsync();
        await ExpectOk(Act(id, "notes", new { text = "first" }));

        var response = await api.Office().SendAsync(ApiJson.Post($"/api/v1/talent-cases/{id}/notes", new { text = "second" }, ifMatch: 0));

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task retried_open_with_the_same_idempotency_key_returns_the_same_case()
    {
        var first = await api.Office().SendAsync(ApiJson.Post("/api/v1/talent-cases", CaseBody(), idempotencyKey: "open-robert-1"));
        var retry = await api.Office().SendAsync(ApiJson.Post("/api/v1/talent-cases", CaseBody(), idempotencyKey: "open-robert-1"));

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        (await retry.CreatedIdAsync()).Should().Be(await first.CreatedIdAsync());
        (await retry.ReadJsonAsync())["replayed"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task action_with_the_current_if_match_succeeds_and_answers_the_next_revision()
    {
        var id = await api.OpenCaseAsync();
        var current = (await api.Office().GetAsync($"/api/v1/talent-cases/{id}")).ETagRevision();

        var response = await api.Office().SendAsync(ApiJson.Post($"/api/v1/talent-cases/{id}/notes", new { text = "checked" }, ifMatch: current));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.ETagRevision().Should().Be(current + 1);
    }
}

using System.Net;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Calendar;
using static Collaboration.Api.Tests.Fixtures.ScenarioObserversAndCases;

namespace Collaboration.Api.Tests.Feedback;

public sealed class FeedbackApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private Task<HttpResponseMessage> Act(Guid id, string action, object? body = null, HttpClient? client = null) =>
        (client ?? api.Office()).PostAsync($"/api/v1/feedback/{id}/{action}", body is null ? null : ApiJson.Body(body));

    private async Task<System.Text.Json.Nodes.JsonNode> ReadAsync(Guid id, HttpClient? client = null)
    {
        var response = await (client ?? api.Office()).GetAsync($"/api/v1/feedback/{id}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task observer_submits_feedback_as_itself_and_reads_it_back()
    {
        var observer = await api.AppointServingObserverAsync();

        var response = await api.Observer(observer).PostAsync("/api/v1/feedback", ApiJson.Body(FeedbackBody()));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = await response.CreatedIdAsync();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/feedback/{id}");
        var json = await ReadAsync(id, api.Observer(observer));
        json["observer"]!.GetValue<Guid>().Should().Be(observer);
        json["stage"]!.GetValue<string>().Should().Be("Submitted");
        json["writtenIn"]!.GetValue<string>().Should().Be("En");
        json["submittedOn"]!.GetValue<string>().Should().Be(TodayInShanghai.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task office_acknowledges_and_routes_and_the_answer_is_due_in_ten_working_days()
    {
        var (id, _, department) = await api.RoutedFeedbackAsync();

        var json = await ReadAsync(id);

        var today = TodayInShanghai;
        json["stage"]!.GetValue<string>().Should().Be("Routed");
        json["routing"]!["department"]!.GetValue<Guid>().Should().Be(department);
        json["routing"]!["departmentName"]!["en"]!.GetValue<string>().Should().Be("Hongkou District Commission of Commerce");
        json["routing"]!["answerDueOn"]!.GetValue<string>().Should().Be(
            WorkingCalendar.China.AddWorkingDays(today, 10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json["workingDaysLeft"]!.GetValue<int>().Should().Be(10);
        json["answerOverdue"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task department_user_answers_feedback_routed_to_its_organisation()
    {
        var (id, _, department) = await api.RoutedFeedbackAsync();

        var read = await api.Partner(department).GetAsync($"/api/v1/feedback/{id}");
        await ExpectOk(Act(id, "answer", Answer, api.Partner(department)));

        read.StatusCode.Should().Be(HttpStatusCode.OK);
        (await read.ReadJsonAsync())["observer"].Should().BeNull();
        var json = await ReadAsync(id);
        json["stage"]!.GetValue<string>().Should().Be("Answered");
        json["reply"]!["answer"]!["zh"]!.GetValue<string>().Should().Be("服务大厅将增设双语标识。");
        json["answeredOnTime"]!.GetValue<bool>().Should().BeTrue();
        json["answerTimeInWorkingDays"]!.GetValue<int>().Should().Be(0);
        json["workingDaysLeft"].Should().BeNull();
    }

    [Fact]
    public async Task observer_rates_the_answer_and_the_office_publishes_then_keeps_it_private()
    {
        var (id, observer, _) = await api.AnsweredFeedbackAsync();

        await ExpectOk(Act(id, "rate", new { stars = 4 }, api.Observer(observer)));
        await ExpectOk(Act(id, "publish"));
        var published = await ReadAsync(id);
        var kept = await ExpectOk(Act(id, "keep-private", Reason));

        published["stage"]!.GetValue<string>().Should().Be("Published");
        published["isPublic"]!.GetValue<bool>().Should().BeTrue();
        published["stars"]!.GetValue<int>().Should().Be(4);
        (await ReadAsync(id))["stage"]!.GetValue<string>().Should().Be("KeptPrivate");
        kept.Headers.ETag.Should().NotBeNull();
    }

    [Fact]
    public async Task another_observer_cannot_see_or_rate_unpublished_feedback()
    {
        var (id, _, _) = await api.AnsweredFeedbackAsync();
        var other = await api.AppointServingObserverAsync();

        var read = await api.Observer(other).GetAsync($"/api/v1/feedback/{id}");
        var rate = await Act(id, "rate", new { stars = 1 }, api.Observer(other));

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await rate.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task published_feedback_is_visible_to_other_observers_without_naming_the_submitter_but_only_the_submitter_rates()
    {
        var (id, _, _) = await api.AnsweredFeedbackAsync();
        await ExpectOk(Act(id, "publish"));
        var other = await api.AppointServingObserverAsync();

        var json = await ReadAsync(id, api.Observer(other));
        var rate = await Act(id, "rate", new { stars = 1 }, api.Observer(other));

        json["stage"]!.GetValue<string>().Should().Be("Published");
        json["observer"].Should().BeNull();
        await rate.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "feedback.not-the-submitter");
    }

    [Fact]
    public async Task partner_that_is_not_the_routed_department_can_neither_see_nor_answer()
    {
        var (id, _, _) = await api.RoutedFeedbackAsync();
        var stranger = await api.RegisterPartnerAsync("GovernmentDepartment");

        var read = await api.Partner(stranger).GetAsync($"/api/v1/feedback/{id}");
        var answer = await Act(id, "answer", Answer, api.Partner(stranger));

        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        await answer.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task partner_cannot_handle_feedback_like_the_office()
    {
        var (id, _, department) = await api.RoutedFeedbackAsync();

        var publish = await Act(id, "publish", client: api.Partner(department));
        var submit = await api.Partner(department).PostAsync("/api/v1/feedback", ApiJson.Body(FeedbackBody()));

        publish.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        submit.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task auditor_reads_feedback_but_every_write_is_403()
    {
        var (id, _, _) = await api.AnsweredFeedbackAsync();

        var json = await ReadAsync(id, api.Auditor());
        var writes = new[]
        {
            await api.Auditor().PostAsync("/api/v1/feedback", ApiJson.Body(FeedbackBody())),
            await Act(id, "acknowledge", client: api.Auditor()),
            await Act(id, "route", new { department = Guid.NewGuid() }, api.Auditor()),
            await Act(id, "answer", Answer, api.Auditor()),
            await Act(id, "rate", new { stars = 3 }, api.Auditor()),
            await Act(id, "publish", client: api.Auditor()),
            await Act(id, "keep-private", Reason, api.Auditor()),
        };

        json["observer"].Should().NotBeNull();
        writes.Select(w => w.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task observer_cannot_acknowledge_or_publish()
    {
        var (id, observer, _) = await api.AnsweredFeedbackAsync();

        var acknowledge = await Act(id, "acknowledge", client: api.Observer(observer));
        var publish = await Act(id, "publish", client: api.Observer(observer));

        acknowledge.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        publish.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task office_cannot_submit_feedback_in_an_observers_name()
    {
        var response = await api.Office().PostAsync("/api/v1/feedback", ApiJson.Body(FeedbackBody()));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task feedback_from_an_observer_whose_term_ended_is_refused_with_its_code()
    {
        var observer = await api.AppointServingObserverAsync();
        await ExpectOk(api.Office().PostAsync($"/api/v1/observers/{observer}/end-term",
            ApiJson.Body(new { endsOn = TodayInShanghai, reason = new { zh = "辞任", en = "Resigned" } })));

        var response = await api.Observer(observer).PostAsync("/api/v1/feedback", ApiJson.Body(FeedbackBody()));

        await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "feedback.observer-not-active");
    }

    [Fact]
    public async Task feedback_from_an_observer_who_was_never_appointed_is_refused_with_its_code()
    {
        var response = await api.Observer(Guid.NewGuid()).PostAsync("/api/v1/feedback", ApiJson.Body(FeedbackBody()));

        await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "feedback.observer-not-appointed");
    }

    [Fact]
    public async Task feedback_about_an_unknown_policy_is_refused_with_its_code()
    {
        var observer = await api.AppointServingObserverAsync();
        var body = new { topic = new { zh = "政策", en = (string?)null }, policy = Guid.NewGuid(), writtenIn = "Zh", text = "建议" };

        var response = await api.Observer(observer).PostAsync("/api/v1/feedback", ApiJson.Body(body));

        await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "feedback.policy-unknown");
    }

    [Fact]
    public async Task routing_to_a_partner_that_is_not_a_government_department_or_not_registered_is_refused_with_its_code()
    {
        var observer = await api.AppointServingObserverAsync();
        var id = await api.SubmitFeedbackAsync(observer);
        await ExpectOk(Act(id, "acknowledge"));
        var chamber = await api.RegisterPartnerAsync("ChamberOfCommerce");

        var toChamber = await Act(id, "route", new { department = chamber });
        var toNobody = await Act(id, "route", new { department = Guid.NewGuid() });

        await toChamber.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "feedback.not-a-government-department");
        await toNobody.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "feedback.department-unknown");
    }

    [Fact]
    public async Task routing_before_acknowledging_and_rating_twice_are_refused_with_their_codes()
    {
        var observer = await api.AppointServingObserverAsync();
        var fresh = await api.SubmitFeedbackAsync(observer);
        var department = await api.RegisterPartnerAsync("GovernmentDepartment");
        var (answered, submitter, _) = await api.AnsweredFeedbackAsync();
        await ExpectOk(Act(answered, "rate", new { stars = 5 }, api.Observer(submitter)));

        var route = await Act(fresh, "route", new { department });
        var rateAgain = await Act(answered, "rate", new { stars = 4 }, api.Observer(submitter));

        await route.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "feedback.not-acknowledged");
        await rateAgain.ShouldBeProblem(HttpStatusCode.Conflict, "feedback.already-rated");
    }

    [Fact]
    public async Task answer_in_one_language_and_rating_out_of_range_are_400_with_their_codes()
    {
        var (id, observer, _) = await api.RoutedFeedbackAsync();

        var halfAnswer = await Act(id, "answer", new { answer = new { zh = "将增设标识。", en = (string?)null } });
        await ExpectOk(Act(id, "answer", Answer));
        var sixStars = await Act(id, "rate", new { stars = 6 }, api.Observer(observer));

        await halfAnswer.ShouldBeProblem(HttpStatusCode.BadRequest, "feedback.answer-needs-both-languages");
        await sixStars.ShouldBeProblem(HttpStatusCode.BadRequest, "feedback.rating-out-of-range");
    }

    [Fact]
    public async Task unknown_feedback_is_a_404_problem()
    {
        var unknown = Guid.NewGuid();

        await (await api.Office().GetAsync($"/api/v1/feedback/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await Act(unknown, "acknowledge")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("", """{"topic":{"zh":null,"en":"Signs"},"policy":null,"writtenIn":"Fr","text":"x"}""")]
    [InlineData("", """{"topic":{"zh":null,"en":"Signs"},"policy":null,"writtenIn":"En"}""")]
    [InlineData("/route", """{"department":"the commerce commission"}""")]
    [InlineData("/answer", """{"answer":null}""")]
    [InlineData("/rate", """{"stars":"five"}""")]
    [InlineData("/keep-private", """{}""")]
    public async Task malformed_body_is_a_400_problem(string action, string json)
    {
        var (id, observer, _) = await api.AnsweredFeedbackAsync();
        var client = action is "" or "/rate" ? api.Observer(observer) : api.Office();
        var url = action.Length == 0 ? "/api/v1/feedback" : $"/api/v1/feedback/{id}{action}";

        var response = await client.PostAsync(url, ApiJson.Body(json));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("acknowledge")]
    [InlineData("publish")]
    public async Task malformed_if_match_on_a_bodiless_action_is_a_400_problem(string action)
    {
        var observer = await api.AppointServingObserverAsync();
        var id = await api.SubmitFeedbackAsync(observer);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/feedback/{id}/{action}");
        request.Headers.TryAddWithoutValidation("If-Match", "latest");

        var response = await api.Office().SendAsync(request);

        await response.ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task routing_unknown_feedback_to_an_unknown_department_is_404()
    {
        var response = await Act(Guid.NewGuid(), "route", new { department = Guid.NewGuid() });

        await response.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task swagger_document_lists_the_talent_case_observer_and_feedback_operations()
    {
        var response = await api.CreateClient().GetAsync("/swagger/v1/swagger.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("\"OpenTalentCase\"").And.Contain("\"AppointObserver\"").And.Contain("\"RateFeedbackAnswer\"")
            .And.Contain("/api/v1/talent-cases/{id}/extend-deadline").And.Contain("/api/v1/feedback/{id}/keep-private");
    }

    [Fact]
    public async Task topic_missing_in_the_language_written_in_is_a_400_with_the_domain_code()
    {
        var observer = await api.AppointServingObserverAsync();
        var body = new { topic = new { zh = "标识", en = (string?)null }, policy = (Guid?)null, writtenIn = "En", text = "Signs please." };

        var response = await api.Observer(observer).PostAsync("/api/v1/feedback", ApiJson.Body(body));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "feedback.topic-required");
    }
}

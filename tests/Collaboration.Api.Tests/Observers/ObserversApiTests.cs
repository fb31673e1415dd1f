using System.Net;
using Collaboration.Api.Tests.Fixtures;
using static Collaboration.Api.Tests.Fixtures.ScenarioObserversAndCases;

namespace Collaboration.Api.Tests.Observers;

public sealed class ObserversApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task office_appoints_an_observer_and_reads_them_back_serving_today()
    {
        var today = TodayInShanghai;
        var response = await api.Office().PostAsync("/api/v1/observers", ApiJson.Body(ObserverBody(today.AddDays(-1), today.AddDays(30))));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = await response.CreatedIdAsync();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/observers/{id}");
        var read = await api.Office().GetAsync($"/api/v1/observers/{id}");
        read.ETagRevision().Should().Be(response.ETagRevision());
        var json = await read.ReadJsonAsync();
        json["status"]!.GetValue<string>().Should().Be("Serving");
        json["batch"]!.GetValue<int>().Should().Be(2);
        json["details"]!["fullName"]!.GetValue<string>().Should().Be("Robert Ionescu");
        json["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("PublicObserver", "ForeignExperienceOfficer");
    }

    [Fact]
    public async Task office_extends_a_term()
    {
        var id = await api.AppointServingObserverAsync();
        var newEnd = TodayInShanghai.AddDays(800);

        await ExpectOk(api.Office().PostAsync($"/api/v1/observers/{id}/extend-term", ApiJson.Body(new { newTermEnd = newEnd })));

        var json = await (await api.Office().GetAsync($"/api/v1/observers/{id}")).ReadJsonAsync();
        json["termEnd"]!.GetValue<string>().Should().Be(Iso(newEnd));
    }

    [Fact]
    public async Task office_ends_a_term_early_and_the_observer_no_longer_serves_from_that_day()
    {
        var id = await api.AppointServingObserverAsync();

        await ExpectOk(api.Office().PostAsync($"/api/v1/observers/{id}/end-term",
            ApiJson.Body(new { endsOn = TodayInShanghai, reason = new { zh = "本人辞任。", en = "Resigned." } })));

        var json = await (await api.Office().GetAsync($"/api/v1/observers/{id}")).ReadJsonAsync();
        json["status"]!.GetValue<string>().Should().Be("TermEndedEarly");
        json["endReason"]!["en"]!.GetValue<string>().Should().Be("Resigned.");
    }

    [Fact]
    public async Task observer_reads_its_own_record_but_not_another_observers()
    {
        var own = await api.AppointServingObserverAsync();
        var other = await api.AppointServingObserverAsync();

        var mine = await api.Observer(own).GetAsync($"/api/v1/observers/{own}");
        var theirs = await api.Observer(own).GetAsync($"/api/v1/observers/{other}");

        mine.StatusCode.Should().Be(HttpStatusCode.OK);
        await theirs.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task partner_cannot_read_an_observer()
    {
        var id = await api.AppointServingObserverAsync();

        var response = await api.Partner(Guid.NewGuid()).GetAsync($"/api/v1/observers/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task auditor_reads_an_observer_but_cannot_appoint_extend_or_end()
    {
        var id = await api.AppointServingObserverAsync();
        var today = TodayInShanghai;

        var read = await api.Auditor().GetAsync($"/api/v1/observers/{id}");
        var appoint = await api.Auditor().PostAsync("/api/v1/observers", ApiJson.Body(ObserverBody(today, today.AddDays(10))));
        var extend = await api.Auditor().PostAsync($"/api/v1/observers/{id}/extend-term", ApiJson.Body(new { newTermEnd = today.AddDays(900) }));
        var end = await api.Auditor().PostAsync($"/api/v1/observers/{id}/end-term", ApiJson.Body(new { endsOn = today, reason = new { zh = "x", en = "x" } }));

        read.StatusCode.Should().Be(HttpStatusCode.OK);
        appoint.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        extend.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        end.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task observer_cannot_extend_its_own_term()
    {
        var id = await api.AppointServingObserverAsync();

        var response = await api.Observer(id).PostAsync($"/api/v1/observers/{id}/extend-term", ApiJson.Body(new { newTermEnd = TodayInShanghai.AddDays(900) }));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task unknown_observer_is_a_404_problem()
    {
        var unknown = Guid.NewGuid();

        await (await api.Office().GetAsync($"/api/v1/observers/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await api.Office().PostAsync($"/api/v1/observers/{unknown}/extend-term", ApiJson.Body(new { newTermEnd = TodayInShanghai })))
            .ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task extension_that_is_not_later_is_refused_with_its_code()
    {
        var id = await api.AppointServingObserverAsync();

        var response = await api.Office().PostAsync($"/api/v1/observers/{id}/extend-term", ApiJson.Body(new { newTermEnd = TodayInShanghai }));

        await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "observer.extension-not-later");
    }

    [Fact]
    public async Task ending_a_term_twice_is_refused_with_its_code()
    {
        var id = await api.AppointServingObserverAsync();
        var body = new { endsOn = TodayInShanghai, reason = new { zh = "辞任", en = "Resigned" } };
        await ExpectOk(api.Office().PostAsync($"/api/v1/observers/{id}/end-term", ApiJson.Body(body)));

        var again = await api.Office().PostAsync($"/api/v1/observers/{id}/end-term", ApiJson.Body(body));

        await again.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "observer.term-already-ended");
    }

    [Fact]
    public async Task term_ending_before_it_starts_is_a_400_with_the_domain_code()
    {
        var today = TodayInShanghai;

        var response = await api.Office().PostAsync("/api/v1/observers", ApiJson.Body(ObserverBody(today, today.AddDays(-1))));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "observer.term-invalid");
    }

    [Theory]
    [InlineData("", """{"batch":2,"details":{"person":null,"fullName":"R","email":null,"phone":null},"nationality":"RO","roles":["PublicObserver"],"termStart":"2026-01-01"}""")]
    [InlineData("", """{"batch":2,"details":{"person":null,"fullName":"R","email":null,"phone":null},"nationality":"RO","roles":["Mayor"],"termStart":"2026-01-01","termEnd":"2027-01-01"}""")]
    [InlineData("", """{"batch":"two","details":{"person":null,"fullName":"R","email":null,"phone":null},"nationality":"RO","roles":["PublicObserver"],"termStart":"2026-01-01","termEnd":"2027-01-01"}""")]
    [InlineData("/extend-term", """{"newTermEnd":"next year"}""")]
    [InlineData("/end-term", """{"endsOn":"2026-12-01"}""")]
    public async Task malformed_body_is_a_400_problem(string action, string json)
    {
        var id = await api.AppointServingObserverAsync();
        var url = action.Length == 0 ? "/api/v1/observers" : $"/api/v1/observers/{id}{action}";

        var response = await api.Office().PostAsync(url, ApiJson.Body(json));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest);
    }
}

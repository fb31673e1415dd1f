using System.Net;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Tests.Fixtures;

/// <summary>
/// Builds the state the talent-case, observer and feedback tests start from, through the API itself: partners,
/// cases, observers and feedback items at a given stage.
/// </summary>
public static class ScenarioObserversAndCases
{
    /// <summary>Today in Shanghai, the business date the API derives deadlines and terms from.</summary>
    public static DateOnly TodayInShanghai => DistrictTime.Today(TimeProvider.System);

    public static async Task<Guid> RegisterPartnerAsync(this ApiFactory api, string kind = "ChamberOfCommerce")
    {
        var response = await api.Office().PostAsync("/api/v1/partners", ApiJson.Body(new
        {
            kind,
            name = new { zh = "虹口区商务委员会", en = "Hongkou District Commission of Commerce" },
            contacts = Array.Empty<object>(),
            externalReference = (string?)null,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.CreatedIdAsync();
    }

    public static object CaseBody(Guid? referredBy = null, string service = "WorkPermit") => new
    {
        talent = new { person = (Guid?)null, fullName = "Robert Popescu", email = "robert@example.ro", phone = "+86 138 0000 0000" },
        nationality = "RO",
        category = "ForeignHighEndA",
        service,
        referredBy,
    };

    public static async Task<Guid> OpenCaseAsync(this ApiFactory api, Guid? referredBy = null)
    {
        var response = await api.Office().PostAsync("/api/v1/talent-cases", ApiJson.Body(CaseBody(referredBy)));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.CreatedIdAsync();
    }

    public static object ObserverBody(DateOnly termStart, DateOnly termEnd) => new
    {
        batch = 2,
        details = new { person = (Guid?)null, fullName = "Robert Ionescu", email = "robert.i@example.ro", phone = (string?)null },
        nationality = "RO",
        roles = new[] { "PublicObserver", "ForeignExperienceOfficer" },
        termStart,
        termEnd,
    };

    /// <summary>An observer serving today: a term from a month ago to a year ahead.</summary>
    public static async Task<Guid> AppointServingObserverAsync(this ApiFactory api)
    {
        var today = TodayInShanghai;
        var response = await api.Office().PostAsync("/api/v1/observers", ApiJson.Body(ObserverBody(today.AddDays(-30), today.AddDays(365))));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.CreatedIdAsync();
    }

    public static object FeedbackBody(string text = "Bilingual signs at the service hall would help foreign residents.") => new
    {
        topic = new { zh = (string?)null, en = "Service hall signage" },
        policy = (Guid?)null,
        writtenIn = "En",
        text,
    };

    public static async Task<Guid> SubmitFeedbackAsync(this ApiFactory api, Guid observer)
    {
        var response = await api.Observer(observer).PostAsync("/api/v1/feedback", ApiJson.Body(FeedbackBody()));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.CreatedIdAsync();
    }

    /// <summary>Submitted by a serving observer, acknowledged, and routed to a government department.</summary>
    public static async Task<(Guid Feedback, Guid Observer, Guid Department)> RoutedFeedbackAsync(this ApiFactory api)
    {
        var observer = await api.AppointServingObserverAsync();
        var feedback = await api.SubmitFeedbackAsync(observer);
        var department = await api.RegisterPartnerAsync("GovernmentDepartment");
        await ExpectOk(api.Office().PostAsync($"/api/v1/feedback/{feedback}/acknowledge", null));
        await ExpectOk(api.Office().PostAsync($"/api/v1/feedback/{feedback}/route", ApiJson.Body(new { department })));
        return (feedback, observer, department);
    }

    /// <summary>Routed as above and answered by the office on the department's behalf.</summary>
    public static async Task<(Guid Feedback, Guid Observer, Guid Department)> AnsweredFeedbackAsync(this ApiFactory api)
    {
        var routed = await api.RoutedFeedbackAsync();
        await ExpectOk(api.Office().PostAsync($"/api/v1/feedback/{routed.Feedback}/answer", ApiJson.Body(Answer)));
        return routed;
    }

    public static object Answer => new { answer = new { zh = "服务大厅将增设双语标识。", en = "Bilingual signs will be added to the service hall." } };

    public static object Reason => new { reason = new { zh = "理由", en = "Reason" } };

    public static async Task<HttpResponseMessage> ExpectOk(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response;
    }

    public static async Task ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        if (code is not null)
        {
            var json = await response.ReadJsonAsync();
            json["code"]!.GetValue<string>().Should().Be(code);
            json["message"]!["zh"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
            json["message"]!["en"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        }
    }
}

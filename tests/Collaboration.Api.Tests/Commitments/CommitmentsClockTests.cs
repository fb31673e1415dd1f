using System.Globalization;
using System.Net;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Commitments;

/// <summary>Business dates and the derived status follow the injected clock, on Shanghai's calendar (UTC+8).</summary>
public sealed class CommitmentsClockTests(ApiWithShanghaiClock api) : IClassFixture<ApiWithShanghaiClock>
{
    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task proposal_date_and_status_use_shanghai_today_and_a_passed_due_date_reads_overdue()
    {
        var utcDay = DateOnly.FromDateTime(api.Clock.GetUtcNow().UtcDateTime);
        var memorandum = await api.SignedMemorandumAsync();
        var proposed = await api.Office().PostAsync("/api/v1/commitments", ApiJson.Body(ScenarioCommitments.ProposeBody(memorandum, memorandum.PartnerA, dueDate: memorandum.Today.AddDays(5))));
        proposed.StatusCode.Should().Be(HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var id = await proposed.CreatedIdAsync();

        var before = await (await api.Office().GetAsync($"/api/v1/commitments/{id}")).ReadJsonAsync();
        api.Clock.Advance(TimeSpan.FromDays(6));
        var after = await (await api.Office().GetAsync($"/api/v1/commitments/{id}")).ReadJsonAsync();

        memorandum.Today.Should().Be(utcDay.AddDays(1), "18:30 UTC is the next morning in Shanghai");
        before["proposedOn"]!.GetValue<string>().Should().Be(Date(utcDay.AddDays(1)));
        before["status"]!.GetValue<string>().Should().Be("NotStarted");
        after["asOf"]!.GetValue<string>().Should().Be(Date(utcDay.AddDays(7)));
        after["status"]!.GetValue<string>().Should().Be("Overdue");
    }
}

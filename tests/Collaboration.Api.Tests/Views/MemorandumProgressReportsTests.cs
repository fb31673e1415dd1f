using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Collaboration.Api.Modules.Views;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Api.Tests.Notifications;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Projections.MemorandumProgress;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Views;

/// <summary>
/// <c>GET /api/v1/memoranda/{id}/progress</c> composes its report and body once while its views stand where they were and
/// the day is the same (<see cref="MemorandumProgressReports"/>): the same body and tag while nothing changed, a new one
/// after a commitment under the memorandum changed or the day turned, 304 for a matching <c>If-None-Match</c>, and the
/// policy still deciding every read.
/// </summary>
public sealed class MemorandumProgressReportsTests(ApiAtFixedMoment api) : IClassFixture<ApiAtFixedMoment>
{
    private static readonly DateOnly FarAway = new(2030, 6, 30);
    private static readonly Collaboration.Api.Application.Caller Office = new("office-reports", Collaboration.Api.Application.CallerRole.Office, null, null);

    private async Task<(string Body, string ETag)> ProgressAsync(HttpClient client, MemorandumId memorandum, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/memoranda/{memorandum}/progress");
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        return (body, response.Headers.ETag!.ToString());
    }

    private static JsonArray Commitments(string body) => JsonNode.Parse(body)!["commitments"]!["first"]!.AsArray();

    [Fact]
    public async Task the_same_body_and_tag_are_served_until_the_memorandums_document_changes()
    {
        var party = PartnerId.New();
        var memorandum = MemorandumId.New();
        await api.DraftMemorandumAsync(memorandum, party);
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(CommitmentId.New(), memorandum, party, FarAway));

        var first = await ProgressAsync(api.Office(), memorandum);
        var again = await ProgressAsync(api.Office(), memorandum);
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(CommitmentId.New(), memorandum, party, FarAway, weight: 3m));
        var changed = await ProgressAsync(api.Office(), memorandum);

        first.ETag.Should().StartWith("\"").And.EndWith("\"");
        again.Should().Be(first);
        Commitments(first.Body).Should().ContainSingle();
        Commitments(changed.Body).Should().HaveCount(2);
        changed.ETag.Should().NotBe(first.ETag);
    }

    [Fact]
    public async Task a_matching_if_none_match_is_answered_304_without_a_body_and_a_stale_one_gets_the_new_report()
    {
        var party = PartnerId.New();
        var memorandum = MemorandumId.New();
        await api.DraftMemorandumAsync(memorandum, party);
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(CommitmentId.New(), memorandum, party, FarAway));
        var first = await ProgressAsync(api.Office(), memorandum);

        using var unchanged = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/memoranda/{memorandum}/progress");
        unchanged.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(first.ETag));
        using var notModified = await api.Office().SendAsync(unchanged);
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(CommitmentId.New(), memorandum, party, FarAway));
        var afterChange = await ProgressAsync(api.Office(), memorandum, ifNoneMatch: first.ETag);

        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        notModified.Headers.ETag!.ToString().Should().Be(first.ETag);
        Commitments(afterChange.Body).Should().HaveCount(2);
        afterChange.ETag.Should().NotBe(first.ETag);
    }

    [Fact]
    public async Task the_report_is_composed_again_when_the_day_turns_though_the_document_did_not_change()
    {
        var party = PartnerId.New();
        var memorandum = MemorandumId.New();
        var today = DateOnly.FromDateTime(ClockOverride.StoryMoment.ToOffset(TimeSpan.FromHours(8)).DateTime);
        await api.DraftMemorandumAsync(memorandum, party);
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(CommitmentId.New(), memorandum, party, today));
        var before = await ProgressAsync(api.Office(), memorandum);

        api.Clock.Advance(TimeSpan.FromDays(1));
        var after = await ProgressAsync(api.Office(), memorandum);

        JsonNode.Parse(before.Body)!["today"]!.GetValue<string>().Should().Be(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        JsonNode.Parse(after.Body)!["today"]!.GetValue<string>().Should().Be(today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        JsonNode.Parse(before.Body)!["overdue"]!.AsArray().Should().BeEmpty();
        JsonNode.Parse(after.Body)!["overdue"]!.AsArray().Should().ContainSingle();
        after.ETag.Should().NotBe(before.ETag);
    }

    [Fact]
    public async Task a_report_kept_from_the_offices_read_is_still_refused_to_a_partner_that_is_not_a_party()
    {
        var party = PartnerId.New();
        var memorandum = MemorandumId.New();
        await api.DraftMemorandumAsync(memorandum, party);
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(CommitmentId.New(), memorandum, party, FarAway));
        await ProgressAsync(api.Office(), memorandum);

        using var asOutsider = await api.Partner(Guid.NewGuid()).GetAsync($"/api/v1/memoranda/{memorandum}/progress");
        var asParty = await ProgressAsync(api.Partner(party.Value), memorandum);

        asOutsider.StatusCode.Should().Be(HttpStatusCode.NotFound);
        Commitments(asParty.Body).Should().ContainSingle();
    }

    [Fact]
    public async Task a_kept_report_is_served_while_nothing_changed_and_composed_again_after_a_commitment_changed()
    {
        var reports = api.Services.GetRequiredService<MemorandumProgressReports>();
        var party = PartnerId.New();
        var memorandum = MemorandumId.New();
        var day = new DateOnly(2024, 9, 25);
        await api.DraftMemorandumAsync(memorandum, party);
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(CommitmentId.New(), memorandum, party, FarAway));

        var first = (await reports.ReadAsync(Office, memorandum, day))!.Value;
        var same = (await reports.ReadAsync(Office, memorandum, day))!.Value;
        var asParty = (await reports.ReadAsync(new Collaboration.Api.Application.Caller("partner-reports", Collaboration.Api.Application.CallerRole.Partner, party, null), memorandum, day))!.Value;
        await api.WaitForViewsAsync(await api.AcceptedCommitmentAsync(CommitmentId.New(), memorandum, party, FarAway, weight: 3m));
        var changed = (await reports.ReadAsync(Office, memorandum, day))!.Value;

        same.Json.Should().BeSameAs(first.Json);
        asParty.Report.Commitments.Total.Should().Be(1);
        first.Report.Commitments.Total.Should().Be(1);
        changed.Json.Should().NotBeSameAs(first.Json);
        changed.Report.Commitments.Total.Should().Be(2);
        (await reports.ReadAsync(new Collaboration.Api.Application.Caller("outsider-reports", Collaboration.Api.Application.CallerRole.Partner, PartnerId.New(), null), memorandum, day)).Should().BeNull("a partner that is not a party is shown nothing");
    }
}

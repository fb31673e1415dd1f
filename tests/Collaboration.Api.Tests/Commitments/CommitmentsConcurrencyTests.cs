using System.Globalization;
using System.Net;
using Collaboration.Api.Application;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Commitments;

/// <summary>
/// Concurrent writers on one commitment: with the same If-Match exactly one wins and the rest learn they lost (409/412);
/// without If-Match, independent additions are re-decided on fresh state so none is lost.
/// </summary>
public sealed class CommitmentsConcurrencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Writers = 10;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(long Revision, int Reports, int Milestones, decimal Approved)> ReadAsync(Guid id)
    {
        var response = await api.Office().GetAsync($"/api/v1/commitments/{id}");
        var json = await response.ReadJsonAsync();
        return (response.ETagRevision(), json["reports"]!.AsArray().Count, json["milestones"]!.AsArray().Count, json["approvedProgress"]!.GetValue<decimal>());
    }

    private static void ExactlyOneWon(HttpResponseMessage[] responses, HttpStatusCode success)
    {
        responses.Count(r => r.StatusCode == success).Should().Be(1, string.Join(", ", responses.Select(r => (int)r.StatusCode)));
        responses.Where(r => r.StatusCode != success).Should().OnlyContain(r =>
            r.StatusCode == HttpStatusCode.Conflict || r.StatusCode == HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task ten_parallel_report_submissions_with_the_same_if_match_admit_exactly_one()
    {
        var m = await api.SignedMemorandumAsync();
        var id = await api.AcceptedCommitmentAsync(m, m.PartnerA);
        var before = await ReadAsync(id);
        var partner = api.Partner(m.PartnerA);

        var responses = await Task.WhenAll(Enumerable.Range(1, Writers).Select(i => partner.SendAsync(ApiJson.Post(
            $"/api/v1/commitments/{id}/progress-reports",
            new { percent = (decimal)i, narrative = new { zh = $"进展 {i}", en = $"Progress {i}" }, asOf = Date(m.Today) },
            ifMatch: before.Revision))));

        ExactlyOneWon(responses, HttpStatusCode.Created);
        var after = await ReadAsync(id);
        after.Reports.Should().Be(1);
        after.Revision.Should().Be(before.Revision + 1, "exactly the winner's event was appended");
        responses.Single(r => r.StatusCode == HttpStatusCode.Created).ETagRevision().Should().Be(after.Revision);
    }

    [Fact]
    public async Task ten_parallel_approvals_with_the_same_if_match_admit_exactly_one()
    {
        var m = await api.SignedMemorandumAsync();
        var id = await api.AcceptedCommitmentAsync(m, m.PartnerA);
        var submitted = await api.Partner(m.PartnerA).PostAsync($"/api/v1/commitments/{id}/progress-reports",
            ApiJson.Body(new { percent = 35m, narrative = new { zh = "进展", en = "Progress" }, asOf = Date(m.Today) }));
        var report = await submitted.CreatedIdAsync();
        var revision = submitted.ETagRevision();
        var office = api.Office();

        var responses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => office.SendAsync(ApiJson.Post(
            $"/api/v1/commitments/{id}/progress-reports/{report}/approve", new { }, ifMatch: revision))));

        ExactlyOneWon(responses, HttpStatusCode.OK);
        var after = await ReadAsync(id);
        after.Revision.Should().Be(revision + 1);
        after.Approved.Should().Be(35m);
    }

    [Fact]
    public async Task concurrent_different_milestone_additions_without_if_match_all_succeed_and_none_is_lost()
    {
        // Each lost race is another writer's success, so up to MaxAttempts writers are guaranteed to get through.
        var m = await api.SignedMemorandumAsync();
        var id = await api.AcceptedCommitmentAsync(m, m.PartnerA);
        var before = await ReadAsync(id);
        var partner = api.Partner(m.PartnerA);
        var writers = StreamExecutor.MaxAttempts;

        var responses = await Task.WhenAll(Enumerable.Range(1, writers).Select(i => partner.SendAsync(ApiJson.Post(
            $"/api/v1/commitments/{id}/milestones",
            new { title = new { zh = $"里程碑 {i}", en = $"Milestone {i}" }, dueDate = Date(m.Today.AddDays(10 * i)), share = 20m }))));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created);
        var ids = await Task.WhenAll(responses.Select(r => r.CreatedIdAsync()));
        ids.Should().OnlyHaveUniqueItems();
        var after = await ReadAsync(id);
        after.Milestones.Should().Be(writers);
        after.Revision.Should().Be(before.Revision + writers);
    }
}

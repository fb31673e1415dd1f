using System.Net;
using Collaboration.Api.Application;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Audit.Privacy;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Application;

/// <summary>
/// A stream's state served from <see cref="StreamStateCache"/> is never older than the log: another writer's append,
/// a correct If-Match after it, and an erasure all see the stream as it is now (ADR 0027).
/// </summary>
public sealed class StreamStateCacheTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<(System.Text.Json.Nodes.JsonNode Json, long Revision)> ReadCaseAsync(Guid id)
    {
        var response = await api.Office().GetAsync($"/api/v1/talent-cases/{id}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync(), response.ETagRevision());
    }

    // The case assigned by a writer other than the API, straight to a store at the revision the API showed.
    private async Task AssignElsewhereAsync(IEventStore store, Guid id, long revision, string officer)
    {
        var assigned = new TalentCaseAssigned(TalentCaseId.From(id), "exit-entry-bureau", officer, "other-node", DateTimeOffset.UtcNow);
        await store.AppendAsync(
            TalentCaseDecider.StreamName(TalentCaseId.From(id)), ExpectedRevision.Exactly(revision),
            [api.Services.GetRequiredService<EventSerializer>().ToEventToAppend(assigned)]);
    }

    [Fact]
    public async Task a_case_read_again_after_another_writer_appended_shows_that_write_and_its_revision()
    {
        var id = await api.OpenCaseAsync();
        await ReadCaseAsync(id);
        var (_, revision) = await ReadCaseAsync(id);

        // Another process (or node) writing the same log: nothing in this process saw the append.
        await AssignElsewhereAsync(api.Services.GetRequiredService<IEventStore>(), id, revision, "officer-042");
        var (after, revisionAfter) = await ReadCaseAsync(id);

        revisionAfter.Should().Be(revision + 1);
        after["officer"]!.GetValue<string>().Should().Be("officer-042");
        after["status"]!.GetValue<string>().Should().Be("Assigned");
    }

    [Fact]
    public async Task a_case_read_again_after_a_store_of_its_own_on_the_same_file_appended_shows_that_write()
    {
        var id = await api.OpenCaseAsync();
        await ReadCaseAsync(id);
        var (_, revision) = await ReadCaseAsync(id);

        // What `collab` does beside the running tracker: its own store on the same file, its own map of the change
        // counter (ADR 0032); the tracker's store hears nothing of the append but the counter.
        await using (var other = await SqliteEventStore.OpenAsync(new SqliteEventStoreOptions { Path = api.DatabasePath }, TimeProvider.System))
        {
            await AssignElsewhereAsync(other, id, revision, "officer-043");
        }

        var (after, revisionAfter) = await ReadCaseAsync(id);

        revisionAfter.Should().Be(revision + 1);
        after["officer"]!.GetValue<string>().Should().Be("officer-043");
    }

    [Fact]
    public async Task a_correct_if_match_after_another_writers_append_is_accepted_and_the_old_revision_is_refused()
    {
        var id = await api.OpenCaseAsync();
        var (_, revision) = await ReadCaseAsync(id);
        await AssignElsewhereAsync(api.Services.GetRequiredService<IEventStore>(), id, revision, "officer-042");
        var body = new { department = "human-resources-bureau", officer = "officer-017" };

        var stale = await api.Office().SendAsync(ApiJson.Post($"/api/v1/talent-cases/{id}/assign", body, ifMatch: revision));
        var current = await api.Office().SendAsync(ApiJson.Post($"/api/v1/talent-cases/{id}/assign", body, ifMatch: revision + 1));

        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        current.StatusCode.Should().Be(HttpStatusCode.OK, await current.Content.ReadAsStringAsync());
        current.ETagRevision().Should().Be(revision + 2);
        (await ReadCaseAsync(id)).Json["officer"]!.GetValue<string>().Should().Be("officer-017");
    }

    [Fact]
    public async Task a_talent_read_before_their_key_was_deleted_reads_as_erased_right_after()
    {
        var id = await api.OpenCaseAsync();
        await ReadCaseAsync(id);
        var (before, _) = await ReadCaseAsync(id);
        var person = PersonId.From(before["talent"]!["person"]!.GetValue<Guid>());

        // A key deleted without anything appended (as a shredded webhook secret is): the log's head does not move.
        api.Services.GetRequiredService<IPersonalKeyStore>().Delete(person).Should().BeTrue();
        var (after, _) = await ReadCaseAsync(id);

        before["talent"]!["fullName"]!.GetValue<string>().Should().Be("Robert Popescu");
        after["talent"]!["fullName"]!.GetValue<string>().Should().Be(PersonalDetails.ErasedMarker);
        after["talent"]!["email"].Should().BeNull();
    }

    [Fact]
    public async Task a_talent_read_before_their_erasure_reads_as_erased_after_it()
    {
        var id = await api.OpenCaseAsync();
        await ReadCaseAsync(id);
        var person = (await ReadCaseAsync(id)).Json["talent"]!["person"]!.GetValue<Guid>();

        var erase = await api.Office().PostAsync($"/api/v1/audit/persons/{person}/erase", ApiJson.Body(new { reason = "PIPL request" }));
        var (after, _) = await ReadCaseAsync(id);

        erase.StatusCode.Should().Be(HttpStatusCode.OK, await erase.Content.ReadAsStringAsync());
        after["talent"]!["fullName"]!.GetValue<string>().Should().Be(PersonalDetails.ErasedMarker);
    }

    [Fact]
    public void a_state_read_while_the_cache_was_cleared_is_not_kept()
    {
        var cache = new StreamStateCache();
        var generation = cache.Generation;

        cache.Clear();
        cache.Remember("talent-case-1", head: 7, generation, new LoadedStream<string>("decrypted", 0));

        cache.TryGet<string>("talent-case-1", head: 7, out _).Should().BeFalse();
    }

    [Fact]
    public void a_state_is_served_only_while_the_logs_head_is_where_it_was_read()
    {
        var cache = new StreamStateCache();
        cache.Remember("talent-case-1", head: 7, cache.Generation, new LoadedStream<string>("state", 3));

        cache.TryGet<string>("talent-case-1", head: 8, out _).Should().BeFalse();
        cache.TryGet<string>("talent-case-1", head: 7, out var hit).Should().BeTrue();
        hit.Revision.Should().Be(3);
    }
}

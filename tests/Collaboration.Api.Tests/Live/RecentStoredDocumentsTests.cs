using Collaboration.Api.Live;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Api.Tests.Live;

/// <summary>
/// A kept document is handed out again only while no change of it was heard and it is fresh; a store read that raced a
/// change is never kept past the change; views that are not listed always read the store.
/// </summary>
public sealed class RecentStoredDocumentsTests
{
    private const string Key = "memorandum-1";

    private static StoredView Progress(long position, string key = Key) =>
        new(ViewNames.MemorandumProgress, key, position, $$"""{"position":{{position}}}""", ViewScope.OfficeOnly);

    [Fact]
    public async Task a_document_is_read_once_until_a_change_of_it_is_heard()
    {
        var store = new Store { Stored = Progress(1) };
        var recent = new RecentStoredDocuments(new FakeTimeProvider(ClockOverride.StoryMoment));

        (await recent.GetAsync(store, ViewNames.MemorandumProgress, Key, default))!.Position.Should().Be(1);
        (await recent.GetAsync(store, ViewNames.MemorandumProgress, Key, default))!.Position.Should().Be(1);
        store.Reads.Should().Be(1, "the second read is served from memory");

        store.Stored = Progress(2);
        recent.Changed([Progress(2, "another-memorandum")]);
        (await recent.GetAsync(store, ViewNames.MemorandumProgress, Key, default))!.Position.Should().Be(1, "another document's change leaves this one kept");
        recent.Changed([Progress(2)]);
        (await recent.GetAsync(store, ViewNames.MemorandumProgress, Key, default))!.Position.Should().Be(2, "its change is read from the store");
        store.Reads.Should().Be(2);
    }

    [Fact]
    public async Task a_document_is_read_again_past_its_freshness_though_no_change_was_heard()
    {
        var clock = new FakeTimeProvider(ClockOverride.StoryMoment);
        var store = new Store { Stored = Progress(1) };
        var recent = new RecentStoredDocuments(clock);
        await recent.GetAsync(store, ViewNames.MemorandumProgress, Key, default);

        // A change this node was not told about: a rebuild's swap, another process, a follower between polls.
        store.Stored = Progress(2);
        clock.Advance(RecentStoredDocuments.Freshness);

        (await recent.GetAsync(store, ViewNames.MemorandumProgress, Key, default))!.Position.Should().Be(2);
    }

    [Fact]
    public async Task a_read_that_raced_a_change_is_not_handed_out_after_it()
    {
        var store = new Store { Stored = Progress(1) };
        var recent = new RecentStoredDocuments(new FakeTimeProvider(ClockOverride.StoryMoment));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Hold = release.Task;

        // The read finds the old document; the change commits and is heard before the read completes.
        var racing = recent.GetAsync(store, ViewNames.MemorandumProgress, Key, default);
        recent.Changed([Progress(2)]);
        release.SetResult();
        (await racing)!.Position.Should().Be(1);

        store.Hold = null;
        store.Stored = Progress(2);
        (await recent.GetAsync(store, ViewNames.MemorandumProgress, Key, default))!.Position.Should().Be(2, "the raced read was kept at a version the change moved past");
    }

    [Fact]
    public async Task other_views_are_read_from_the_store_every_time()
    {
        var store = new Store { Stored = new StoredView(ViewNames.Partners, Key, 1, "{}", ViewScope.OfficeOnly) };
        var recent = new RecentStoredDocuments(new FakeTimeProvider(ClockOverride.StoryMoment));

        await recent.GetAsync(store, ViewNames.Partners, Key, default);
        await recent.GetAsync(store, ViewNames.Partners, Key, default);

        store.Reads.Should().Be(2);
    }

    private sealed class Store : IViewReader
    {
        private int reads;

        public StoredView? Stored { get; set; }

        public Task? Hold { get; set; }

        public int Reads => Volatile.Read(ref reads);

        public async Task<StoredView?> GetAsync(string view, string key, CancellationToken ct = default)
        {
            Interlocked.Increment(ref reads);
            var found = Stored;
            if (Hold is { } hold)
            {
                await hold;
            }

            return found;
        }

        public Task<IReadOnlyList<StoredView>> ListAsync(string view, IReadOnlySet<string>? audiences, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<ViewPage> PageAsync(ViewPageQuery query, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<StoredView>> LatestAsync(string view, IReadOnlySet<string>? audiences, int limit, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<StoredChanges> ChangedSinceAsync(long sincePosition, IReadOnlySet<string>? audiences, int maxRows, CancellationToken ct = default) => throw new NotSupportedException();
    }
}

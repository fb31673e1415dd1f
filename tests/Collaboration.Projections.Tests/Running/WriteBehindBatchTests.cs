using Collaboration.EventStore;
using Collaboration.Projections.Running;
using FluentAssertions;
using Xunit;

namespace Collaboration.Projections.Tests.Running;

/// <summary>
/// A rebuild batch is prepared (documents built and serialised, feed rows made) on the applying thread while the batch
/// before commits, so that its own commit, the rebuild's one serial stage, only writes.
/// </summary>
public sealed class WriteBehindBatchTests
{
    private const string View = "notes";

    [Fact]
    public async Task prepare_builds_each_deferred_document_once_on_the_calling_thread_and_the_commit_writes_it()
    {
        var views = new InMemoryViewStore();
        var generation = (await views.RegisterAsync(View, 1)).Generation;
        var batch = new WriteBehindBatch(null);
        var builtOn = new List<int>();
        batch.WriteDeferred(View, generation, "a", 1, () =>
        {
            builtOn.Add(Environment.CurrentManagedThreadId);
            return (ViewScope.Everyone, new Note("first"));
        });
        await batch.CommitAsync(CancellationToken.None);

        batch.Prepare();

        builtOn.Should().Equal([Environment.CurrentManagedThreadId], "the document is built here, not by the commit");
        await Task.Run(() => batch.CommitToAsync(views, CancellationToken.None));
        builtOn.Should().HaveCount(1, "the commit writes what was prepared");
        views.Get<Note>(View, "a").Should().Be(new Note("first"));
    }

    [Fact]
    public async Task prepare_makes_the_feed_rows_from_the_events_and_the_commit_writes_them_beside_the_given_entries()
    {
        var views = new InMemoryViewStore();
        var generation = (await views.RegisterAsync(View, 1)).Generation;
        var batch = new WriteBehindBatch(null);
        var subject = Guid.NewGuid();
        batch.AddToFeed(View, generation, Recorded(1, $"talent-case-{subject}"), ViewScope.Everyone);
        batch.AddToFeed(View, generation, FeedEntry.Of(2, DateTimeOffset.UnixEpoch, "note-written", "notes"), ViewScope.Everyone);
        batch.AddToFeed(View, generation, Recorded(3, $"talent-case-{subject}"), ViewScope.Everyone);
        await batch.CommitAsync(CancellationToken.None);

        batch.Prepare();
        await batch.CommitToAsync(views, CancellationToken.None);

        var feed = await views.ListAsync(View, audiences: null);
        feed.Select(row => row.Position).Should().BeEquivalentTo([1L, 2L, 3L]);
        feed.Where(row => row.Position != 2).Should().OnlyContain(row => row.Json!.Contains(subject.ToString(), StringComparison.Ordinal));
    }

    private static RecordedEvent Recorded(long position, string stream) =>
        new(Guid.NewGuid(), stream, position - 1, position, "talent-case-opened", DateTimeOffset.UnixEpoch, "{}"u8.ToArray(), "{}"u8.ToArray(), new byte[32]);

    private sealed record Note(string Text);
}

using Collaboration.Projections.Running;
using FluentAssertions;
using Xunit;

namespace Collaboration.Projections.Tests.Running;

/// <summary>
/// A rebuild batch's documents are built and serialised on the applying thread while the batch before commits, so that
/// its own commit, the rebuild's one serial stage, only writes.
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

    private sealed record Note(string Text);
}

using Collaboration.Domain.Kernel;
using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;
using Collaboration.Projections;
using Collaboration.Projections.Running;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Projections.Tests.Fixtures;

/// <summary>A fresh SQLite event store in a temp file, with helpers to append domain events and run projections over it.</summary>
public sealed class TempStore : IAsyncLifetime
{
    private readonly string directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "collaboration-projection-tests", Guid.NewGuid().ToString("N"));

    public static EventSerializer Serializer { get; } = new(DomainEventTypes.CreateRegistry());

    public SqliteEventStore Store { get; private set; } = null!;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 9, 2, 1, 0, 0, TimeSpan.Zero));

    public string Path => System.IO.Path.Combine(directory, "events.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        Store = await SqliteEventStore.OpenAsync(new SqliteEventStoreOptions { Path = Path }, Time);
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A lingering handle only leaves a temp file behind.
        }
    }

    /// <summary>Reopens the store on the same file, as a restarted process would.</summary>
    public async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = await SqliteEventStore.OpenAsync(new SqliteEventStoreOptions { Path = Path }, Time);
    }

    public async Task<long> AppendAsync(string stream, params object[] events)
    {
        var result = await Store.AppendAsync(stream, ExpectedRevision.Any, [.. events.Select(e => Serializer.ToEventToAppend(e))]);
        return ((AppendResult.Appended)result).LastPosition;
    }

    public ProjectionRunner Runner(IViewChangePublisher? publisher = null, params IProjection[] projections) =>
        new(Store, Serializer, projections, publisher);

    public async Task<IReadOnlyList<RecordedEvent>> AllEventsAsync()
    {
        var all = new List<RecordedEvent>();
        await foreach (var e in Store.ReadAllAsync())
        {
            all.Add(e);
        }

        return all;
    }
}

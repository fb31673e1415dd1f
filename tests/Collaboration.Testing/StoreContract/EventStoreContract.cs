using System.Text;
using Collaboration.EventStore;
using FluentAssertions;
using Xunit;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Testing.StoreContract;

/// <summary>
/// The behaviour every <see cref="IEventStore"/> must have, written once and closed once per implementation:
/// <c>public sealed class XEventStoreContract() : EventStoreContract(new XStoreFixture());</c>.
/// Each test gets its own fresh storage from the fixture.
/// </summary>
public abstract partial class EventStoreContract(IEventStoreFixture fixture) : IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 3, 18, 1, 30, 15, TimeSpan.Zero).AddTicks(1_234_560));

    protected IEventStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await fixture.OpenAsync(Time);

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        await fixture.DisposeAsync();
    }

    protected async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = await fixture.OpenAsync(Time);
    }

    protected Task CorruptEventDataAsync(long position) => fixture.CorruptEventDataAsync(position);

    protected static string NewStream(string prefix = "memorandum") => $"{prefix}-{Guid.NewGuid():N}";

    protected static EventToAppend NewEvent(string type = "test.something-happened.v1", string? json = null, EventMetadata? metadata = null) =>
        new(Guid.NewGuid(), type, Encoding.UTF8.GetBytes(json ?? $$"""{"n":"{{Guid.NewGuid():N}}"}"""), metadata ?? EventMetadata.Empty);

    protected static EventToAppend[] NewEvents(int count) => Enumerable.Range(0, count).Select(_ => NewEvent()).ToArray();

    protected Task<AppendResult> AppendAsync(string stream, ExpectedRevision expected, params EventToAppend[] events) =>
        Store.AppendAsync(stream, expected, events);

    protected async Task<AppendResult.Appended> AppendedAsync(string stream, ExpectedRevision expected, params EventToAppend[] events)
    {
        var result = await Store.AppendAsync(stream, expected, events);
        return result.Should().BeOfType<AppendResult.Appended>().Subject;
    }

    protected async Task<List<RecordedEvent>> ReadStreamAsync(
        string stream,
        ReadDirection direction = ReadDirection.Forwards,
        long? fromRevision = null,
        int maxCount = int.MaxValue)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in Store.ReadStreamAsync(stream, direction, fromRevision, maxCount))
        {
            events.Add(e);
        }

        return events;
    }

    protected async Task<List<RecordedEvent>> ReadAllAsync(long fromPosition = 1, int maxCount = int.MaxValue)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in Store.ReadAllAsync(fromPosition, maxCount))
        {
            events.Add(e);
        }

        return events;
    }

    protected static void ShouldBeDense(IReadOnlyList<RecordedEvent> events, long firstPosition = 1)
    {
        for (var i = 0; i < events.Count; i++)
        {
            events[i].Position.Should().Be(firstPosition + i, "positions are dense and in commit order");
        }
    }
}

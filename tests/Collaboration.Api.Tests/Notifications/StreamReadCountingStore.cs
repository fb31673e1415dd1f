using System.Runtime.CompilerServices;
using Collaboration.EventStore;

namespace Collaboration.Api.Tests.Notifications;

/// <summary>An event store that passes everything to the app's and counts the streams read one by one (how the reactor folds an item).</summary>
internal sealed class StreamReadCountingStore(IEventStore inner) : IEventStore
{
    private int streamReads;

    public int StreamReads => Volatile.Read(ref streamReads);

    public Task<AppendResult> AppendAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken ct = default) =>
        inner.AppendAsync(stream, expected, events, ct);

    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(
        string stream, ReadDirection direction = ReadDirection.Forwards, long? fromRevision = null, int maxCount = int.MaxValue, [EnumeratorCancellation] CancellationToken ct = default)
    {
        Interlocked.Increment(ref streamReads);
        await foreach (var e in inner.ReadStreamAsync(stream, direction, fromRevision, maxCount, ct))
        {
            yield return e;
        }
    }

    public Task<long?> ReadStreamRevisionAsync(string stream, CancellationToken ct = default) => inner.ReadStreamRevisionAsync(stream, ct);

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 1, int maxCount = int.MaxValue, CancellationToken ct = default) =>
        inner.ReadAllAsync(fromPosition, maxCount, ct);

    public Task<long> ReadHeadPositionAsync(CancellationToken ct = default) => inner.ReadHeadPositionAsync(ct);

    public IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(long afterPosition, CancellationToken ct = default) => inner.SubscribeToAllAsync(afterPosition, ct);

    public Task<ChainVerification> VerifyAsync(long fromPosition, long? toPosition, IProgress<long>? progress, CancellationToken ct = default) =>
        inner.VerifyAsync(fromPosition, toPosition, progress, ct);

    public Task<ChainHead> ReadChainHeadAsync(CancellationToken ct = default) => inner.ReadChainHeadAsync(ct);

    // The app owns the store it wraps.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

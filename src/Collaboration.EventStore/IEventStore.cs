namespace Collaboration.EventStore;

/// <summary>
/// An append-only log of events grouped in streams. Every event has a 0-based revision in its stream and a
/// 1-based global position; positions are dense (no gaps) and follow commit order. Appends are atomic,
/// durable when acknowledged, optimistic (see <see cref="ExpectedRevision"/>) and idempotent by event id.
/// Every event carries a SHA-256 hash chained to the previous one.
/// </summary>
public interface IEventStore : IAsyncDisposable
{
    /// <summary>
    /// Appends events atomically to a stream if it is in the expected state. Returns
    /// <see cref="AppendResult.Appended"/> once the events are durable, or <see cref="AppendResult.WrongExpectedRevision"/>
    /// without writing. Re-appending exactly the same event ids to the same stream writes nothing and returns the
    /// original positions with <c>WasIdempotentReplay = true</c>.
    /// </summary>
    /// <exception cref="IdempotencyViolationException">Only some of the ids already exist, or they exist in another stream.</exception>
    /// <exception cref="ArgumentException">No events, an empty stream name, or the same id twice in one append.</exception>
    Task<AppendResult> AppendAsync(
        string stream,
        ExpectedRevision expected,
        IReadOnlyList<EventToAppend> events,
        CancellationToken ct = default);

    /// <summary>
    /// Reads one stream in revision order. <paramref name="fromRevision"/> is inclusive; null means the start
    /// (forwards) or the end (backwards). Empty when the stream does not exist.
    /// </summary>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(
        string stream,
        ReadDirection direction = ReadDirection.Forwards,
        long? fromRevision = null,
        int maxCount = int.MaxValue,
        CancellationToken ct = default);

    /// <summary>The last revision of a stream, or null when it does not exist.</summary>
    Task<long?> ReadStreamRevisionAsync(string stream, CancellationToken ct = default);

    /// <summary>
    /// Reads the whole log ($all) in commit order from <paramref name="fromPosition"/> (inclusive).
    /// </summary>
    /// <exception cref="LogGapException">A position is missing.</exception>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 1, int maxCount = int.MaxValue, CancellationToken ct = default);

    /// <summary>
    /// The first event (revision 0) of every stream whose name starts with <paramref name="streamPrefix"/>, in stream
    /// name order: how to find, e.g., every commitment and the memorandum it belongs to without reading the whole log.
    /// This default scans $all; a store with an index on stream names overrides it (the PostgreSQL store should too).
    /// </summary>
    IAsyncEnumerable<RecordedEvent> ReadStreamStartsAsync(string streamPrefix, CancellationToken ct = default) =>
        StreamStarts.ByScanning(this, streamPrefix, ct);

    /// <summary>The position of the last committed event; 0 for an empty log.</summary>
    Task<long> ReadHeadPositionAsync(CancellationToken ct = default);

    /// <summary>
    /// Every event after the checkpoint <paramref name="afterPosition"/> (0 = from the start): first the ones
    /// already stored, then new ones as they are committed, in order, with no gap and no duplicate. Never ends;
    /// cancelling <paramref name="ct"/> ends it with <see cref="OperationCanceledException"/>. The consumer pulls,
    /// so a slow consumer only slows itself: the store pages from storage when the consumer is behind.
    /// </summary>
    IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(long afterPosition, CancellationToken ct = default);

    /// <summary>
    /// Recomputes the hash chain from stored bytes over [<paramref name="fromPosition"/>, <paramref name="toPosition"/>]
    /// (null = the head) and reports the first position whose hash or link does not match.
    /// </summary>
    Task<ChainVerification> VerifyAsync(long fromPosition = 1, long? toPosition = null, CancellationToken ct = default) =>
        VerifyAsync(fromPosition, toPosition, progress: null, ct);

    /// <summary>As <see cref="VerifyAsync(long, long?, CancellationToken)"/>, reporting the last checked position to <paramref name="progress"/> now and then.</summary>
    Task<ChainVerification> VerifyAsync(long fromPosition, long? toPosition, IProgress<long>? progress, CancellationToken ct = default);

    /// <summary>The last position and its chain hash; (0, 32 zero bytes) for an empty log.</summary>
    Task<ChainHead> ReadChainHeadAsync(CancellationToken ct = default);
}

using Collaboration.Audit.Export;
using Collaboration.Cli.Commands;
using Collaboration.Audit.Postgres;
using Collaboration.Audit.Privacy;
using Collaboration.Audit.Sqlite;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore;
using Collaboration.Projections;
using Collaboration.Projections.Running;
using Collaboration.Storage;

namespace Collaboration.Cli.Migration;

/// <summary>
/// Copies a SQLite log to a PostgreSQL database (ADR 0021): the personal keys first (the read models open sealed fields
/// with them), then every event with its position, id, stream, revision, type, data, metadata and timestamp — the target
/// recomputes each hash, so equal hashes prove the copy byte for byte — then every read model rebuilt on arrival and
/// compared with the same read models folded from the source. Resumable: a target that already holds a prefix of the
/// source (its head hash is the source's hash at that position) is continued from its head; any other target is refused.
/// </summary>
internal sealed class LogMigration(string sourcePath, string? sourceKeysPath, string targetConnectionString)
{
    /// <summary>Events of one stream in one original append share a timestamp; more than this go in several appends.</summary>
    private const int MaxEventsPerAppend = 1_000;

    /// <summary>Called as the copy advances: the position copied so far and the source's head.</summary>
    public Action<MigrationPhase, long, long>? Progress { get; init; }

    public async Task<MigrationResult> RunAsync(CancellationToken ct = default)
    {
        var clock = new ReplayClock();
        using var sourceKeys = new SqlitePersonalKeyStore(sourceKeysPath ?? SqlitePersonalKeyStore.DefaultPathFor(Path.GetFullPath(sourcePath)));
        await using var targetKeys = PostgresPersonalKeyStore.Open(targetConnectionString);
        await using var source = await Stores.OpenAsync(StoreSettings.Sqlite(sourcePath), TimeProvider.System, ct: ct);
        await using var target = await Stores.OpenAsync(StoreSettings.FromTarget(targetConnectionString), clock, ct: ct);

        var sourceHead = await source.Events.ReadChainHeadAsync(ct);
        var targetHead = await target.Events.ReadChainHeadAsync(ct);
        if (await RefusalAsync(source.Events, sourceHead, targetHead, ct) is { } refusal)
        {
            return MigrationResult.Refused(refusal);
        }

        var (keys, erased) = sourceKeys.Export();
        targetKeys.Import(keys, erased);
        Progress?.Invoke(MigrationPhase.Keys, keys.Count, keys.Count);

        var copied = await CopyAsync(source.Events, target.Events, clock, targetHead.Position, sourceHead.Position, ct);

        Progress?.Invoke(MigrationPhase.Verify, 0, sourceHead.Position);
        var chain = await target.Events.VerifyAsync(1, null, new InlineProgress(p => Progress?.Invoke(MigrationPhase.Verify, p, sourceHead.Position)), ct);
        var arrived = await target.Events.ReadChainHeadAsync(ct);
        if (!chain.IsValid || arrived.Position != sourceHead.Position || !arrived.Hash.Span.SequenceEqual(sourceHead.Hash.Span))
        {
            return MigrationResult.Failed(copied, $"the target does not verify as the source: chain {(chain.IsValid ? "valid" : $"invalid at {chain.FirstBadPosition}")}, head {arrived.Position} {Hex(arrived.Hash)} where the source has {sourceHead.Position} {Hex(sourceHead.Hash)}");
        }

        var differing = await RebuildAndCompareAsync(source, sourceKeys, target, targetKeys, sourceHead.Position, ct);
        return differing.Count == 0
            ? MigrationResult.Done(copied, arrived, keys.Count)
            : MigrationResult.Failed(copied, $"read models differ from the source's: {string.Join(", ", differing)}");
    }

    private static async Task<string?> RefusalAsync(IEventStore source, ChainHead sourceHead, ChainHead targetHead, CancellationToken ct)
    {
        if (targetHead.Position == 0)
        {
            return null;
        }

        if (targetHead.Position > sourceHead.Position)
        {
            return $"the target holds {targetHead.Position} events, more than the source's {sourceHead.Position}: it is not a copy of this log";
        }

        // Each hash covers every event before it: equal hashes at the target's head mean the target is exactly the source's prefix.
        await foreach (var e in source.ReadAllAsync(targetHead.Position, 1, ct))
        {
            if (!e.Hash.Span.SequenceEqual(targetHead.Hash.Span))
            {
                return $"the target's event {targetHead.Position} has hash {Hex(targetHead.Hash)}, the source's {Hex(e.Hash)}: the target is not a prefix of this log";
            }
        }

        return null;
    }

    /// <summary>Appends the source's events after <paramref name="from"/>, one original append (stream and timestamp) at a time, in order.</summary>
    private async Task<long> CopyAsync(IEventStore source, IEventStore target, ReplayClock clock, long from, long head, CancellationToken ct)
    {
        var batch = new List<RecordedEvent>();
        long copied = 0;
        await foreach (var e in source.ReadAllAsync(from + 1, ct: ct))
        {
            if (batch.Count > 0 && (batch[0].Stream != e.Stream || batch[0].Timestamp != e.Timestamp || batch.Count == MaxEventsPerAppend))
            {
                copied += await AppendAsync(target, clock, batch, ct);
                Progress?.Invoke(MigrationPhase.Copy, batch[^1].Position, head);
                batch.Clear();
            }

            batch.Add(e);
        }

        if (batch.Count > 0)
        {
            copied += await AppendAsync(target, clock, batch, ct);
            Progress?.Invoke(MigrationPhase.Copy, batch[^1].Position, head);
        }

        return copied;
    }

    private static async Task<int> AppendAsync(IEventStore target, ReplayClock clock, List<RecordedEvent> batch, CancellationToken ct)
    {
        clock.Now = batch[0].Timestamp;
        var first = batch[0];
        var expected = first.Revision == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exactly(first.Revision - 1);
        var events = batch.Select(e => new EventToAppend(e.EventId, e.Type, e.Data, EventMetadata.FromUtf8Json(e.MetadataJson.Span))).ToArray();
        var result = await target.AppendAsync(first.Stream, expected, events, ct);
        if (result is not AppendResult.Appended appended || appended.FirstPosition != first.Position)
        {
            throw new InvalidOperationException($"Position {first.Position} could not be written at the same place in the target ({result}); another writer may be using it.");
        }

        return batch.Count;
    }

    /// <summary>Rebuilds every read model in the target and folds the same ones from the source in memory; returns the views that differ.</summary>
    private async Task<List<string>> RebuildAndCompareAsync(Stores source, IPersonalKeyStore sourceKeys, Stores target, IPersonalKeyStore targetKeys, long head, CancellationToken ct)
    {
        var names = ReadModels.All().Select(p => p.Name).ToList();
        var targetRunner = new ProjectionRunner(target.Events, target.Views, SerializerOver(targetKeys), ReadModels.All());
        await targetRunner.StartAsync(ct);
        await targetRunner.RebuildAsync(names, new InlineProgress(p => Progress?.Invoke(MigrationPhase.ReadModels, p, head)), ct);

        var expected = new InMemoryViewStore();
        var sourceRunner = new ProjectionRunner(source.Events, expected, SerializerOver(sourceKeys), ReadModels.All());
        await sourceRunner.StartAsync(ct);
        await sourceRunner.RebuildAsync(names, new InlineProgress(p => Progress?.Invoke(MigrationPhase.Compare, p, head)), ct);

        var differing = new List<string>();
        foreach (var view in names)
        {
            var want = await expected.ListAsync(view, null, ct);
            var got = await target.Views.ListAsync(view, null, ct);
            if (!Rows(want).SequenceEqual(Rows(got)))
            {
                differing.Add(view);
            }
        }

        return differing;

        static IEnumerable<(string, long, string?)> Rows(IEnumerable<StoredView> views) =>
            views.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => (v.Key, v.Position, v.Json));
    }

    private static EventSerializer SerializerOver(IPersonalKeyStore keys) =>
        new(DomainEventTypes.CreateRegistry(PersonalDataConverter.All(keys)));

    private static string Hex(ReadOnlyMemory<byte> hash) => Convert.ToHexStringLower(hash.Span);
}

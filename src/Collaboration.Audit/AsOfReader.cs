using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Collaboration.Domain.Visibility;
using Collaboration.EventStore;

namespace Collaboration.Audit;

/// <summary>
/// Folds one stream with its decider's <c>Evolve</c> up to a moment. Reads only that stream (an index range), so the
/// cost depends on the item's own history, not on the size of the log.
/// </summary>
public sealed class AsOfReader(IEventStore store, EventSerializer serializer)
{
    /// <summary>Null when no decider owns the stream's name. A <paramref name="verdict"/> redacts the state for its viewer.</summary>
    public async Task<AggregateAsOf?> StateAsync(string stream, Moment moment, CancellationToken ct = default, Verdict? verdict = null)
    {
        if (AggregateFolds.For(stream) is not { } fold)
        {
            return null;
        }

        var state = fold.Initial;
        RecordedEvent? last = null;
        await foreach (var e in store.ReadStreamAsync(stream, ct: ct))
        {
            if (!moment.Includes(e))
            {
                break;
            }

            state = fold.Evolve(state, serializer.Deserialize(e));
            last = e;
        }

        return new AggregateAsOf(stream, last?.Revision, last?.Position, last?.Timestamp, Shown(AuditJson.ToNode(state), verdict));
    }

    /// <summary>
    /// Every step of a stream. With a <paramref name="verdict"/>, events and states are redacted before the changes are
    /// worked out, so a withheld field shows as withheld in the event and never as a change.
    /// </summary>
    public async IAsyncEnumerable<HistoryStep> HistoryAsync(string stream, [EnumeratorCancellation] CancellationToken ct = default, Verdict? verdict = null)
    {
        if (AggregateFolds.For(stream) is not { } fold)
        {
            yield break;
        }

        var state = fold.Initial;
        var before = Shown(AuditJson.ToNode(state), verdict);
        await foreach (var e in store.ReadStreamAsync(stream, ct: ct))
        {
            var @event = serializer.Deserialize(e);
            state = fold.Evolve(state, @event);
            var after = Shown(AuditJson.ToNode(state), verdict);
            var metadata = verdict is null ? e.Metadata : Visibility.VisibilityScope.ShowAuthor(e.Metadata, verdict);
            yield return new HistoryStep(
                e.Position, e.Revision, e.Timestamp, e.Type, EventEditorInfo.From(metadata), Convert.ToHexStringLower(e.Hash.Span),
                Shown(AuditJson.ToNode(@event, withKind: false), verdict), StateDiff.Between(before, after));
            before = after;
        }
    }

    public async Task<StateComparison?> DiffAsync(string stream, Moment from, Moment to, CancellationToken ct = default, Verdict? verdict = null)
    {
        if (await StateAsync(stream, from, ct, verdict) is not { } left || await StateAsync(stream, to, ct, verdict) is not { } right)
        {
            return null;
        }

        return new StateComparison(left, right, StateDiff.Between(left.State, right.State));
    }

    private static JsonNode? Shown(JsonNode? node, Verdict? verdict) => verdict is null ? node : JsonRedactor.Apply(node, verdict);
}

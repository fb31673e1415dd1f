using Collaboration.EventStore;

namespace Collaboration.Projections.Running;

/// <summary>
/// The folded state of recently used streams, kept current as the log is applied: each event evolves its stream's
/// state once, however many projections then ask for it. A state that is not held (never asked for, or evicted) is
/// folded from the stream's history as of the current event; the cache only saves that work, it is never a source
/// of truth. States are immutable decider states, so handing them out is safe.
/// <para>
/// Held in two generations of at most half the capacity each: a new state goes into the recent one, a state asked for
/// from the older one moves back; when the recent one is full it becomes the older one and the states left in the
/// previous older one are dropped. So the states in use stay and the memory held stays between half the capacity and
/// the capacity, instead of filling up to it and starting again from nothing (ADR 0030, amendment of 2026-12-06).
/// </para>
/// </summary>
internal sealed class StreamStates(StreamStates.HistoryReader history, int capacity = StreamStates.DefaultCapacity)
{
    /// <summary>Reads a stream's deserialised events with positions up to and including the given one.</summary>
    public delegate IAsyncEnumerable<object> HistoryReader(string stream, long upToPosition, CancellationToken ct);

    /// <summary>For a rebuild, which folds every stream of the log once and gains from holding many.</summary>
    public const int DefaultCapacity = 50_000;

    /// <summary>
    /// For the live runner, which applies the few streams being written now: a talent case's state with its sealed
    /// person is ~650 bytes, so 50,000 held states were ~30 MiB that a busy day filled and emptied again.
    /// </summary>
    public const int LiveCapacity = 8_192;

    private readonly int half = Math.Max(1, capacity / 2);
    private Dictionary<string, Entry> recent = new(StringComparer.Ordinal);
    private Dictionary<string, Entry> older = new(StringComparer.Ordinal);
    private RecordedEvent? current;
    private object? currentEvent;

    /// <summary>The position of the event being applied (0 before the first).</summary>
    public long Position => current?.Position ?? 0;

    /// <summary>Moves to the next event of the log; call before the projections apply it.</summary>
    public void Advance(RecordedEvent recorded, object @event)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (current is not null && recorded.Position <= current.Position)
        {
            // Going back (a batch is retried after a failure): held states are ahead of the log; fold them again.
            Forget();
        }

        current = recorded;
        currentEvent = @event;
        if (recent.TryGetValue(recorded.Stream, out var entry) || older.TryGetValue(recorded.Stream, out entry))
        {
            entry.Apply(@event);
        }
    }

    /// <summary>Forgets every held state (after a failure, or to free memory).</summary>
    public void Clear()
    {
        Forget();
        current = null;
        currentEvent = null;
    }

    public async ValueTask<TState> GetAsync<TState, TEvent>(string stream, TState initial, Func<TState, TEvent, TState> evolve, CancellationToken ct)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(evolve);
        if (recent.TryGetValue(stream, out var held) && held is Entry<TState, TEvent> typed)
        {
            return typed.State;
        }

        if (older.Remove(stream, out held) && held is Entry<TState, TEvent> kept)
        {
            Hold(stream, kept);
            return kept.State;
        }

        var state = initial;
        if (current is { Revision: 0 } first && first.Stream == stream)
        {
            // The stream starts with this very event: nothing to read.
            if (currentEvent is TEvent e)
            {
                state = evolve(state, e);
            }
        }
        else if (current is not null)
        {
            await foreach (var @event in history(stream, current.Position, ct))
            {
                if (@event is TEvent e)
                {
                    state = evolve(state, e);
                }
            }
        }

        Hold(stream, new Entry<TState, TEvent>(state, evolve));
        return state;
    }

    /// <summary>How many states are held (between half the capacity and the capacity once it was first filled).</summary>
    public int Count => recent.Count + older.Count;

    private void Hold(string stream, Entry entry)
    {
        if (recent.Count >= half)
        {
            // New maps, not Clear: a cleared map keeps its buckets, and the older generation's would never shrink.
            older = recent;
            recent = new Dictionary<string, Entry>(StringComparer.Ordinal);
        }

        older.Remove(stream);
        recent[stream] = entry;
    }

    private void Forget()
    {
        recent = new Dictionary<string, Entry>(StringComparer.Ordinal);
        older = new Dictionary<string, Entry>(StringComparer.Ordinal);
    }

    private abstract class Entry
    {
        public abstract void Apply(object @event);
    }

    private sealed class Entry<TState, TEvent>(TState state, Func<TState, TEvent, TState> evolve) : Entry
    {
        public TState State { get; private set; } = state;

        public override void Apply(object @event)
        {
            if (@event is TEvent e)
            {
                State = evolve(State, e);
            }
        }
    }
}

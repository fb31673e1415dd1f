using Collaboration.EventStore;

namespace Collaboration.Projections.Running;

/// <summary>
/// The folded state of recently used streams, kept current as the log is applied: each event evolves its stream's
/// state once, however many projections then ask for it. A state that is not held (never asked for, or evicted) is
/// folded from the stream's history as of the current event; the cache only saves that work, it is never a source
/// of truth. States are immutable decider states, so handing them out is safe.
/// </summary>
internal sealed class StreamStates(StreamStates.HistoryReader history, int capacity = StreamStates.DefaultCapacity)
{
    /// <summary>Reads a stream's deserialised events with positions up to and including the given one.</summary>
    public delegate IAsyncEnumerable<object> HistoryReader(string stream, long upToPosition, CancellationToken ct);

    public const int DefaultCapacity = 50_000;

    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
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
            entries.Clear();
        }

        current = recorded;
        currentEvent = @event;
        if (entries.TryGetValue(recorded.Stream, out var entry))
        {
            entry.Apply(@event);
        }
    }

    /// <summary>Forgets every held state (after a failure, or to free memory).</summary>
    public void Clear()
    {
        entries.Clear();
        current = null;
        currentEvent = null;
    }

    public async ValueTask<TState> GetAsync<TState, TEvent>(string stream, TState initial, Func<TState, TEvent, TState> evolve, CancellationToken ct)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(evolve);
        if (entries.TryGetValue(stream, out var held) && held is Entry<TState, TEvent> typed)
        {
            return typed.State;
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

        if (entries.Count >= capacity)
        {
            entries.Clear();
        }

        entries[stream] = new Entry<TState, TEvent>(state, evolve);
        return state;
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

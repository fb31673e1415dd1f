namespace Collaboration.Projections.Running;

/// <summary>What a projection may touch while applying one event.</summary>
public interface IProjectionContext
{
    /// <summary>The projection's own documents; writes commit with the checkpoint or not at all.</summary>
    IViewWriter Views { get; }

    /// <summary>
    /// The state of <paramref name="stream"/> folded with its decider's <paramref name="evolve"/> over the stream's
    /// events up to and including the event being applied. Projections derive views from exactly the state the write
    /// side decides on, and the runner keeps each state between events, so asking costs a lookup, not a re-fold.
    /// </summary>
    ValueTask<TState> StateAsync<TState, TEvent>(string stream, TState initial, Func<TState, TEvent, TState> evolve, CancellationToken ct)
        where TState : class;
}

namespace Collaboration.Domain.Kernel;

/// <summary>
/// An aggregate as a pure decider: <c>Decide(command, state) → events | error</c> and
/// <c>Evolve(state, event) → state</c> over immutable records. Static abstract members let the
/// application layer and the Given/When/Then specs drive any decider generically.
/// </summary>
public interface IDecider<TState, in TCommand, TEvent>
    where TState : notnull
    where TEvent : notnull
{
    /// <summary>The state before the first event of a stream.</summary>
    static abstract TState Initial { get; }

    static abstract Decision<TEvent> Decide(TCommand command, TState state);

    static abstract TState Evolve(TState state, TEvent @event);
}

namespace Collaboration.Projections.Running;

/// <summary>The context of one projection in a pass over the log: its own documents, the pass's shared stream states.</summary>
internal sealed class ProjectionContext(IViewWriter views, StreamStates states) : IProjectionContext
{
    public IViewWriter Views => views;

    public ValueTask<TState> StateAsync<TState, TEvent>(string stream, TState initial, Func<TState, TEvent, TState> evolve, CancellationToken ct)
        where TState : class => states.GetAsync(stream, initial, evolve, ct);
}

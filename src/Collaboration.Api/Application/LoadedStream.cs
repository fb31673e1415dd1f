namespace Collaboration.Api.Application;

/// <summary>An aggregate's state folded from its stream, and the revision it was read at (null: no stream).</summary>
public sealed record LoadedStream<TState>(TState State, long? Revision)
{
    public bool Exists => Revision is not null;
}

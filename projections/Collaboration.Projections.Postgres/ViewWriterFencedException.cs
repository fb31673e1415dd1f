namespace Collaboration.Projections.Postgres;

/// <summary>A view transaction of a node whose leadership ended: another node leads under a later term.</summary>
public sealed class ViewWriterFencedException(long term, long current)
    : InvalidOperationException($"This node's leader term {term} was superseded by term {current}; its view writes are refused.")
{
    public long Term { get; } = term;

    public long Current { get; } = current;
}

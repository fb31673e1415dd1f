namespace Collaboration.Projections.Running;

/// <summary>What a projection may touch while applying one event.</summary>
public interface IProjectionContext
{
    /// <summary>The projection's own documents; writes commit with the checkpoint or not at all.</summary>
    IViewWriter Views { get; }

    /// <summary>
    /// The deserialised events of <paramref name="stream"/> up to and including the event being applied. Folding a
    /// stream with its decider's Evolve here keeps the view a pure function of the log prefix.
    /// </summary>
    ValueTask<IReadOnlyList<object>> HistoryAsync(string stream, CancellationToken ct);
}

namespace Collaboration.Domain.Kernel;

/// <summary>The outcome of <c>Decide</c>: the events to append, or a typed refusal.</summary>
public readonly record struct Decision<TEvent>
{
    private Decision(IReadOnlyList<TEvent> events, DomainError? error)
    {
        Events = events;
        Error = error;
    }

    public IReadOnlyList<TEvent> Events { get; }

    public DomainError? Error { get; }

    public bool IsAccepted => Error is null;

    public static Decision<TEvent> Accept(params TEvent[] events) => new(events, null);

    public static Decision<TEvent> Accept(IReadOnlyList<TEvent> events) => new(events, null);

    public static Decision<TEvent> Reject(DomainError error) => new([], error);

    public static implicit operator Decision<TEvent>(DomainError error) => Reject(error);

    public static implicit operator Decision<TEvent>(TEvent[] events) => Accept(events);

    public override string ToString() => IsAccepted ? $"Accepted({Events.Count})" : $"Rejected({Error})";
}

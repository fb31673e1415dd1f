namespace Collaboration.Audit;

/// <summary>The same item at two moments and what differs.</summary>
public sealed record StateComparison(AggregateAsOf From, AggregateAsOf To, IReadOnlyList<StateChange> Changes);

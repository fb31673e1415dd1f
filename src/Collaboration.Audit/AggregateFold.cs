using Collaboration.Domain.Kernel;

namespace Collaboration.Audit;

/// <summary>A family of streams and its decider's initial state and evolve function, untyped.</summary>
public sealed record AggregateFold(StreamFamily Family, object Initial, Func<object, object, object> Evolve);

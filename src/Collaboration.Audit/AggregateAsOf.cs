using System.Text.Json.Nodes;

namespace Collaboration.Audit;

/// <summary>A stream's derived state at a moment, with the last event that made it.</summary>
public sealed record AggregateAsOf(string Stream, long? Revision, long? Position, DateTimeOffset? Timestamp, JsonNode? State);

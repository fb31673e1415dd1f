using System.Text.Json.Nodes;

namespace Collaboration.Audit;

/// <summary>One property of derived state that differs between two moments; <c>null</c> before = added, after = removed.</summary>
public sealed record StateChange(string Path, JsonNode? Before, JsonNode? After);

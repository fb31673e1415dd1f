using System.Text.Json.Nodes;

namespace Collaboration.Audit;

/// <summary>One step of an item's history: who did what when, and what it changed in the derived state.</summary>
public sealed record HistoryStep(
    long Position,
    long Revision,
    DateTimeOffset Timestamp,
    string Type,
    EventEditorInfo By,
    string Hash,
    JsonNode? Event,
    IReadOnlyList<StateChange> Changes);

using System.Text.Json;

namespace Collaboration.EventStore;

/// <summary>
/// An event whose wire type is not registered. Returned instead of dropping it or throwing, so that
/// projections can skip it knowingly and tools can still show it.
/// </summary>
/// <param name="Type">The wire type as stored.</param>
/// <param name="Data">The stored JSON (ValueKind Undefined if the bytes were not valid JSON).</param>
public sealed record UnknownEvent(string Type, JsonElement Data);

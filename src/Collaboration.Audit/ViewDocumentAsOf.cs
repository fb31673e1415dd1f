using System.Text.Json.Nodes;

namespace Collaboration.Audit;

/// <summary>
/// One read-model document as it stood at a moment. <c>AsOfPosition</c> is the last log position replayed (the last
/// event at or before the moment); <c>DocumentPosition</c> the position of the event that last changed the document.
/// </summary>
public sealed record ViewDocumentAsOf(string View, string Key, DateTimeOffset? AsOf, long AsOfPosition, long DocumentPosition, JsonNode? Document);

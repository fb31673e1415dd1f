using Collaboration.Projections.Running;

namespace Collaboration.Projections.Storage;

/// <summary>One stored document of a generation as the writer sees it: its JSON (null for a tombstone) and its scope.</summary>
public sealed record StoredDocument(string? Json, ViewScope Scope);

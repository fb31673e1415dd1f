namespace Collaboration.Projections.Running;

/// <summary>Reads one stored document of a projection generation.</summary>
internal interface IStoredDocuments
{
    /// <summary>The document's JSON (null for a tombstone) and scope, or null when there is none.</summary>
    (string? Json, string Scope)? Read(string projection, long generation, string key);
}

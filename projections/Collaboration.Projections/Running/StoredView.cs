namespace Collaboration.Projections.Running;

/// <summary>One document of a view as stored: its JSON (null for a tombstone), the position it reflects and its scope.</summary>
public sealed record StoredView(string View, string Key, long Position, string? Json, ViewScope Scope)
{
    public bool IsRemoved => Json is null;
}

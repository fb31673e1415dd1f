namespace Collaboration.Audit.Export;

/// <summary>How many events were imported and whether every recomputed hash equals the exported one.</summary>
public sealed record ImportResult(long Imported, bool HashesMatch, long? FirstMismatch);

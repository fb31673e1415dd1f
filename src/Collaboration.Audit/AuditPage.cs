namespace Collaboration.Audit;

/// <summary>A page of the log and the position to continue from (null when the range is exhausted).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? Next, long ScannedTo);

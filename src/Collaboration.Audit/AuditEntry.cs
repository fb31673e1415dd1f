using System.Text.Json.Nodes;
using Collaboration.EventStore;

namespace Collaboration.Audit;

/// <summary>
/// One event of the log as an auditor sees it: where, when, who (metadata), what (the event as decoded now, so the
/// personal details of an erased person read as "[erased]") and its chain hash.
/// </summary>
public sealed record AuditEntry(
    long Position,
    Guid EventId,
    string Stream,
    long Revision,
    string Type,
    DateTimeOffset Timestamp,
    EventMetadata Metadata,
    string Hash,
    JsonNode? Data);

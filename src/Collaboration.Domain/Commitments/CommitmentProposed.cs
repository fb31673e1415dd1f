using System.Text.Json.Serialization;
using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>
/// A commitment was proposed under a memorandum. <c>ProposedOn</c> is the business date plans are measured from.
/// <c>ExternalReference</c> came later (ADR 0020): an added optional field, so the wire name stays v1, events written
/// before it read with null, and an event without one is written byte for byte as before.
/// </summary>
[EventType("commitment.proposed.v1")]
public sealed record CommitmentProposed(
    CommitmentId Commitment,
    MemorandumId Memorandum,
    FocusArea FocusArea,
    PartnerId Owner,
    BilingualText Description,
    DateOnly DueDate,
    decimal Weight,
    DateOnly ProposedOn,
    string ProposedBy,
    DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ExternalReference = null) : ICommitmentEvent;

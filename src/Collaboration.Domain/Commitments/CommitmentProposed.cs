using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>A commitment was proposed under a memorandum. <c>ProposedOn</c> is the business date plans are measured from.</summary>
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
    DateTimeOffset At) : ICommitmentEvent;

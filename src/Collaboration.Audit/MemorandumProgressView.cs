using Collaboration.Domain.Kernel;

namespace Collaboration.Audit;

/// <summary>
/// A memorandum's progress as it stood at a moment: its stage and parties, and each commitment under it with its
/// stage and approved progress; overall progress is the weight-averaged approved progress of the commitments that
/// are not cancelled. <c>AsOfPosition</c> is the last log position that contributed to the view.
/// </summary>
public sealed record MemorandumProgressView(
    MemorandumId Memorandum,
    string Stage,
    BilingualText? Title,
    int Parties,
    IReadOnlyList<CommitmentProgressLine> Commitments,
    decimal WeightedProgress,
    long AsOfPosition);

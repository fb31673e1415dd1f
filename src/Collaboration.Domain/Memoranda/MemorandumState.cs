using System.Collections.Immutable;
using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

/// <summary>
/// A memorandum's life as a closed set of records: nothing yet, a draft, then the signed agreement
/// which is active, suspended, completed or terminated.
/// </summary>
public abstract record MemorandumState;

public sealed record NoMemorandum : MemorandumState
{
    public static NoMemorandum Instance { get; } = new();
}

public sealed record MemorandumDraft(
    MemorandumId Id,
    BilingualText Title,
    BilingualText Purpose,
    IReadOnlyList<FocusArea> FocusAreas,
    DateOnly TermStart,
    DateOnly TermEnd,
    ImmutableList<MemorandumParty> Parties) : MemorandumState;

/// <summary>Signed and active (生效中).</summary>
public sealed record SignedMemorandum(MemorandumAgreement Agreement) : MemorandumState;

public sealed record SuspendedMemorandum(MemorandumAgreement Agreement, BilingualText Reason) : MemorandumState;

public sealed record CompletedMemorandum(MemorandumAgreement Agreement) : MemorandumState;

public sealed record TerminatedMemorandum(MemorandumAgreement Agreement, BilingualText Reason) : MemorandumState;

/// <summary>What a signed memorandum holds, whatever its later status.</summary>
public sealed record MemorandumAgreement(
    MemorandumId Id,
    BilingualText Title,
    BilingualText Purpose,
    IReadOnlyList<FocusArea> FocusAreas,
    DateOnly TermStart,
    DateOnly TermEnd,
    IReadOnlyList<MemorandumParty> Parties,
    IReadOnlyList<PartySignatory> Signatories,
    DateOnly SignedOn,
    BilingualText Place,
    int AmendmentCount,
    ImmutableDictionary<PackageId, DeliveredPackage> Packages,
    DateTimeOffset? PublishedAt = null)
{
    /// <summary>True once the office has put the memorandum on the public portal; later status changes keep it there.</summary>
    public bool IsPublished => PublishedAt is not null;
}

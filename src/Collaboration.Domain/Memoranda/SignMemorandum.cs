using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

/// <summary>One signatory per party; <paramref name="SignedOn"/> is the business date of the ceremony.</summary>
public sealed record SignMemorandum(
    MemorandumId Memorandum,
    IReadOnlyList<PartySignatory> Signatories,
    DateOnly SignedOn,
    BilingualText Place,
    DateTimeOffset At) : IMemorandumCommand;

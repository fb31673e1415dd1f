using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;

namespace Collaboration.Domain.Memoranda;

/// <summary>The application supplies the partner's current facts (<see cref="PartnerDecider.Summarise"/>).</summary>
public sealed record AddMemorandumParty(MemorandumId Memorandum, PartnerSummary Partner, PartyRole Role, DateTimeOffset At)
    : IMemorandumCommand;

using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

/// <summary>Replaces the kind, names and contacts; the external reference never changes.</summary>
public sealed record UpdatePartnerDetails(
    PartnerId Partner,
    PartnerKind Kind,
    BilingualText Name,
    IReadOnlyList<PartnerContact> Contacts,
    DateTimeOffset At) : IPartnerCommand;

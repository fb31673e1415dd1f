using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

[EventType("partner.details-updated.v1")]
public sealed record PartnerDetailsUpdated(
    PartnerId Partner,
    PartnerKind Kind,
    BilingualText Name,
    IReadOnlyList<PartnerContact> Contacts,
    DateTimeOffset At) : IPartnerEvent;

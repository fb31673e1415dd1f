using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

/// <summary>The external reference is stored normalised (see <see cref="PartnerReference.Normalise"/>).</summary>
[EventType("partner.registered.v1")]
public sealed record PartnerRegistered(
    PartnerId Partner,
    PartnerKind Kind,
    BilingualText Name,
    IReadOnlyList<PartnerContact> Contacts,
    string? ExternalReference,
    DateTimeOffset At) : IPartnerEvent;

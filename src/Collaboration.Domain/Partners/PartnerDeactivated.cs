using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

[EventType("partner.deactivated.v1")]
public sealed record PartnerDeactivated(PartnerId Partner, BilingualText Reason, DateTimeOffset At) : IPartnerEvent;

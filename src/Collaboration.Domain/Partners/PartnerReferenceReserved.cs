using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

/// <summary><paramref name="Reference"/> is the normalised form.</summary>
[EventType("partner-reference.reserved.v1")]
public sealed record PartnerReferenceReserved(string Reference, PartnerId Partner, DateTimeOffset At) : IPartnerReferenceEvent;

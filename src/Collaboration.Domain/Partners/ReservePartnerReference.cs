using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

/// <summary>Claims an external reference for a partner before the partner is registered.</summary>
public sealed record ReservePartnerReference(string Reference, PartnerId Partner, DateTimeOffset At) : IPartnerReferenceCommand;

using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

/// <summary>
/// Registers an organisation. When <paramref name="ExternalReference"/> is given, the application
/// first appends <see cref="ReservePartnerReference"/> to the reference stream (expected: no stream).
/// </summary>
public sealed record RegisterPartner(
    PartnerId Partner,
    PartnerKind Kind,
    BilingualText Name,
    IReadOnlyList<PartnerContact> Contacts,
    string? ExternalReference,
    DateTimeOffset At) : IPartnerCommand;

using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

/// <summary>A partner stream's state: not registered yet, active, or deactivated.</summary>
public abstract record PartnerState;

public sealed record UnregisteredPartner : PartnerState
{
    public static UnregisteredPartner Instance { get; } = new();
}

public sealed record ActivePartner(
    PartnerId Id,
    PartnerKind Kind,
    BilingualText Name,
    IReadOnlyList<PartnerContact> Contacts,
    string? ExternalReference) : PartnerState;

public sealed record InactivePartner(
    PartnerId Id,
    PartnerKind Kind,
    BilingualText Name,
    IReadOnlyList<PartnerContact> Contacts,
    string? ExternalReference,
    BilingualText Reason) : PartnerState;

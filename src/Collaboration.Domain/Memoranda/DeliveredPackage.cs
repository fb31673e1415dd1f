using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

/// <summary>An Enterprise Policy Service Package (企业政策服务包) handed to one party.</summary>
public sealed record DeliveredPackage(
    PackageId Id,
    PartnerId Party,
    IReadOnlyList<PolicyId> Policies,
    DateOnly DeliveredOn,
    bool IsAcknowledged);

using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

[EventType("memorandum.package-delivered.v1")]
public sealed record PolicyPackageDelivered(
    MemorandumId Memorandum,
    PackageId Package,
    PartnerId Party,
    IReadOnlyList<PolicyId> Policies,
    DateOnly DeliveredOn,
    DateTimeOffset At) : IMemorandumEvent;

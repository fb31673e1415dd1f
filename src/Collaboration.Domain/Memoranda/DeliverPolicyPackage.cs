using Collaboration.Domain.Kernel;
using Collaboration.Domain.Policies;

namespace Collaboration.Domain.Memoranda;

/// <summary>
/// The application supplies each policy's current facts (<see cref="PolicyDecider.Snapshot"/>) so a
/// retired policy cannot be handed out.
/// </summary>
public sealed record DeliverPolicyPackage(
    MemorandumId Memorandum,
    PackageId Package,
    PartnerId Party,
    IReadOnlyList<PolicySnapshot> Policies,
    DateOnly DeliveredOn,
    DateTimeOffset At) : IMemorandumCommand;

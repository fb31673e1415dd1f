using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

/// <summary><paramref name="AcknowledgedBy"/> is the acting user's id within the receiving party.</summary>
[EventType("memorandum.package-acknowledged.v1")]
public sealed record PolicyPackageAcknowledged(
    MemorandumId Memorandum,
    PackageId Package,
    PartnerId Party,
    string AcknowledgedBy,
    DateTimeOffset At) : IMemorandumEvent;

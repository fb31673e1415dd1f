using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Policies;

[EventType("policy.retired.v1")]
public sealed record PolicyRetired(PolicyId Policy, BilingualText Reason, DateTimeOffset At) : IPolicyEvent;

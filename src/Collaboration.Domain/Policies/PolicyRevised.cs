using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Policies;

[EventType("policy.revised.v1")]
public sealed record PolicyRevised(PolicyId Policy, int Revision, PolicyContent Content, BilingualText Changes, DateTimeOffset At)
    : IPolicyEvent;

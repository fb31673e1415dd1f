using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Policies;

/// <summary>Publication is revision 1.</summary>
[EventType("policy.published.v1")]
public sealed record PolicyPublished(PolicyId Policy, PolicyContent Content, DateTimeOffset At) : IPolicyEvent;

using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Policies;

public sealed record RetirePolicy(PolicyId Policy, BilingualText Reason, DateTimeOffset At) : IPolicyCommand;

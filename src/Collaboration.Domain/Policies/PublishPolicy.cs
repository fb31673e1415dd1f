using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Policies;

public sealed record PublishPolicy(PolicyId Policy, PolicyContent Content, DateTimeOffset At) : IPolicyCommand;

using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Policies;

/// <summary>Replaces the content; <paramref name="Changes"/> tells readers what changed.</summary>
public sealed record RevisePolicy(PolicyId Policy, PolicyContent Content, BilingualText Changes, DateTimeOffset At) : IPolicyCommand;

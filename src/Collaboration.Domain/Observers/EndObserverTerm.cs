using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Observers;

/// <summary>
/// End a term early. <paramref name="EndsOn"/> is the first day the person no longer serves, so feedback
/// dated that day is already refused.
/// </summary>
public sealed record EndObserverTerm(ObserverId Observer, DateOnly EndsOn, BilingualText Reason, Actor By, DateTimeOffset At) : IObserverCommand;

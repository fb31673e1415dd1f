using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Observers;

/// <summary>Move the last day of a running term later (re-appointment to a new batch is a new observer instead).</summary>
public sealed record ExtendObserverTerm(ObserverId Observer, DateOnly NewTermEnd, Actor By, DateTimeOffset At) : IObserverCommand;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>One try at delivering: the HTTP status the receiver answered (null when it could not be reached) or the error.</summary>
/// <param name="Delivery">The delivery's idempotency id.</param>
/// <param name="Notification">The notification delivered.</param>
/// <param name="Attempt">1 for the first try.</param>
/// <param name="Status">The receiver's HTTP status, if it answered.</param>
/// <param name="Error">Why the try failed, if it did.</param>
/// <param name="At">When the try ended.</param>
public sealed record DeliveryAttempt(Guid Delivery, Guid Notification, int Attempt, int? Status, string? Error, DateTimeOffset At)
{
    public bool Succeeded => Error is null;
}

/// <summary>The latest tries at one webhook endpoint (a partner's), oldest first, at most <see cref="Capacity"/>.</summary>
public sealed record DeliveryLog(IReadOnlyList<DeliveryAttempt> Attempts)
{
    public const int Capacity = 200;
}

/// <summary>A delivery that failed its last try: kept for the office to inspect and replay.</summary>
/// <param name="Entry">The outbox entry as it was.</param>
/// <param name="Attempts">How many tries were made.</param>
/// <param name="LastError">Why the last try failed.</param>
/// <param name="At">When it was given up.</param>
public sealed record DeadLetter(OutboxEntry Entry, int Attempts, string LastError, DateTimeOffset At);

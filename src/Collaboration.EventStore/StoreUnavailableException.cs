namespace Collaboration.EventStore;

/// <summary>
/// The storage cannot take the write now for a reason outside the request — the disk is full, the file is read-only
/// or missing, another process holds the lock — and nothing was written. The same request may succeed once the fault
/// clears, so callers answer "try again later" (HTTP 503) rather than "your request is wrong" (ADR 0017).
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);

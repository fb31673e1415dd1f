namespace Collaboration.EventStore;

/// <summary>
/// Thrown when an append reuses event ids inconsistently: only some of them already exist, or they exist in
/// another stream. A programming error, not a business outcome, so it is an exception rather than an
/// <see cref="AppendResult"/>.
/// </summary>
public sealed class IdempotencyViolationException(string stream, string message) : Exception(message)
{
    /// <summary>The stream the append targeted.</summary>
    public string Stream { get; } = stream;
}

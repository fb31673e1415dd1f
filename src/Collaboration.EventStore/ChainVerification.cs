namespace Collaboration.EventStore;

/// <summary>The result of re-computing the hash chain over a range of the log.</summary>
/// <param name="IsValid">True when every checked event links to its predecessor and its stored hash matches.</param>
/// <param name="CheckedFrom">First position checked.</param>
/// <param name="CheckedTo">Last position checked (the bad one when invalid; CheckedFrom - 1 when nothing was checked).</param>
/// <param name="FirstBadPosition">The first position whose hash or link does not match; null when valid.</param>
/// <param name="Reason">Why it is bad; null when valid.</param>
/// <param name="LastHash">The stored hash at the last good position (the chain head when the whole log was checked).</param>
public sealed record ChainVerification(
    bool IsValid,
    long CheckedFrom,
    long CheckedTo,
    long? FirstBadPosition,
    string? Reason,
    ReadOnlyMemory<byte> LastHash);

namespace Collaboration.Api.Http;

/// <summary>The body of every successful write: which aggregate, at which revision, and whether it was a replay.</summary>
public sealed record WriteReceipt(Guid Id, long Revision, bool Replayed);

using Collaboration.Domain.Kernel;

namespace Collaboration.Audit.Privacy;

/// <summary>What an erasure did: where it is recorded and whether a key existed.</summary>
public sealed record PersonErasure(PersonId Person, string Stream, long Position, bool KeyDeleted);

using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Policies;

/// <summary>
/// What a package delivery needs to know about a policy; the application reads it with
/// <see cref="PolicyDecider.Snapshot"/> and passes it into the memorandum command.
/// </summary>
public sealed record PolicySnapshot(PolicyId Id, int Revision, bool IsRetired);

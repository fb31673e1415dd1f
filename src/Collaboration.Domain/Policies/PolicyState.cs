using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Policies;

public abstract record PolicyState;

public sealed record UnpublishedPolicy : PolicyState
{
    public static UnpublishedPolicy Instance { get; } = new();
}

public sealed record PublishedPolicy(PolicyId Id, PolicyContent Content, int Revision) : PolicyState;

public sealed record RetiredPolicy(PolicyId Id, PolicyContent Content, int Revision, BilingualText Reason) : PolicyState;

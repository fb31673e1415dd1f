using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.PublicityPoints;

public abstract record PublicityPointState;

public sealed record NoPublicityPoint : PublicityPointState
{
    public static NoPublicityPoint Instance { get; } = new();
}

public sealed record DesignatedPublicityPoint(PublicityPointId Id, PublicityPointDetails Details, DateOnly DesignatedOn) : PublicityPointState;

public sealed record WithdrawnPublicityPoint(PublicityPointId Id, PublicityPointDetails Details, DateOnly DesignatedOn, BilingualText Reason) : PublicityPointState;

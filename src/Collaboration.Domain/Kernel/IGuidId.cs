namespace Collaboration.Domain.Kernel;

/// <summary>A strongly typed id over a <see cref="Guid"/>; serialised as a bare string.</summary>
public interface IGuidId<TSelf>
    where TSelf : struct, IGuidId<TSelf>
{
    Guid Value { get; }

    static abstract TSelf From(Guid value);
}

using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

/// <summary>A reservation stream is either free or held by exactly one partner.</summary>
public abstract record PartnerReferenceState;

public sealed record FreeReference : PartnerReferenceState
{
    public static FreeReference Instance { get; } = new();
}

public sealed record ReservedReference(string Reference, PartnerId Partner) : PartnerReferenceState;

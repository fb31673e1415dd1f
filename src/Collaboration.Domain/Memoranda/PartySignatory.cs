using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

/// <summary>Who signed for a party, in an official capacity (public record, not personal data to shred).</summary>
public sealed record PartySignatory(PartnerId Party, string Name, BilingualText Title);

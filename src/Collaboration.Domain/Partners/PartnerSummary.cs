using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

/// <summary>
/// What other modules need to know about a partner (a memorandum adding it as a party); the
/// application reads it with <see cref="PartnerDecider.Summarise"/> and passes it into their commands.
/// </summary>
public sealed record PartnerSummary(PartnerId Id, PartnerKind Kind, BilingualText Name, bool IsActive);

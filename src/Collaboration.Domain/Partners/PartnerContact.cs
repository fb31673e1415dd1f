namespace Collaboration.Domain.Partners;

/// <summary>
/// A business contact of an organisation (its liaison office or officer). Published business
/// details, not a private person's data, so it is not wrapped in PersonalDetails nor crypto-shredded.
/// </summary>
public sealed record PartnerContact(string Name, string? Title = null, string? Email = null, string? Phone = null);

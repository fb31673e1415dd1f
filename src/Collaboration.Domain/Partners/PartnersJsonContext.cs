using System.Text.Json.Serialization;

namespace Collaboration.Domain.Partners;

/// <summary>Source-generated JSON for every event of the Partners module (the app maps wire names to these).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PartnerRegistered))]
[JsonSerializable(typeof(PartnerDetailsUpdated))]
[JsonSerializable(typeof(PartnerDeactivated))]
[JsonSerializable(typeof(PartnerReferenceReserved))]
[JsonSerializable(typeof(PartnerSummary))]
[JsonSerializable(typeof(Collaboration.Domain.Kernel.PersonalDetails))]
public sealed partial class PartnersJsonContext : JsonSerializerContext;

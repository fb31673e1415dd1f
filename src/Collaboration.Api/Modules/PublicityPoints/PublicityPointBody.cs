using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.PublicityPoints;

namespace Collaboration.Api.Modules.PublicityPoints;

/// <summary>A publicity point's details as a request carries them; replaced whole by each revision.</summary>
/// <param name="Name">e.g. 北外滩国际客运服务中心 North Bund International Passenger Service Center.</param>
/// <param name="Address">Where to find it, in Chinese and English.</param>
/// <param name="OpeningHours">When someone is there to explain the policies.</param>
/// <param name="Policies">Ids of the catalogue's policies explained there (at least one, each once).</param>
public sealed record PublicityPointBody(BilingualText Name, BilingualText Address, BilingualText OpeningHours, IReadOnlyList<Guid> Policies)
{
    public const int MaxPolicies = 200;

    public PublicityPointDetails ToDetails() => new(Name, Address, OpeningHours, [.. Policies.Select(PolicyId.From)]);

    /// <summary>Lengths and counts only: emptiness and duplicates are the decider's rules and answer with its codes.</summary>
    public static void Validate(string prefix, PublicityPointBody body, ValidationErrors errors)
    {
        errors.MaxLength($"{prefix}name.zh", body.Name.Zh, 300).MaxLength($"{prefix}name.en", body.Name.En, 300);
        errors.MaxLength($"{prefix}address.zh", body.Address.Zh, 500).MaxLength($"{prefix}address.en", body.Address.En, 500);
        errors.MaxLength($"{prefix}openingHours.zh", body.OpeningHours.Zh, 300).MaxLength($"{prefix}openingHours.en", body.OpeningHours.En, 300);
        if (body.Policies.Count > MaxPolicies)
        {
            errors.Add($"{prefix}policies", $"At most {MaxPolicies} policies. 最多 {MaxPolicies} 项政策。");
        }
    }
}

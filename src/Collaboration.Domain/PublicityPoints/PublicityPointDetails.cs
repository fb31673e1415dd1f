using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.PublicityPoints;

/// <summary>What the district says about a publicity point; replaced whole by each revision.</summary>
/// <param name="Name">e.g. 北外滩国际客运服务中心 North Bund International Passenger Service Center.</param>
/// <param name="Address">Where to find it.</param>
/// <param name="OpeningHours">When someone is there to explain, e.g. "Mon–Fri 9:00–17:00".</param>
/// <param name="Policies">The catalogue's policies explained and handed out there.</param>
public sealed record PublicityPointDetails(BilingualText Name, BilingualText Address, BilingualText OpeningHours, IReadOnlyList<PolicyId> Policies)
{
    /// <summary>Same text and the same policies in the same order (records compare lists by reference).</summary>
    public bool SameAs(PublicityPointDetails other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Name == other.Name && Address == other.Address && OpeningHours == other.OpeningHours && Policies.SequenceEqual(other.Policies);
    }
}

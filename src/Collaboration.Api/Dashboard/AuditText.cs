using System.Globalization;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Dashboard;

/// <summary>How the audit panels show and take moments and name organisations.</summary>
public static class AuditText
{
    /// <summary>The district reads times in Shanghai time, whatever the server's or browser's zone.</summary>
    public static string Shanghai(DateTimeOffset at) => DistrictTime.OnDistrictClock(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A moment typed on the district's clock, or null when it does not parse.</summary>
    public static DateTimeOffset? ParseMoment(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? DistrictTime.FromDistrictClock(local)
            : null;

    public static string OrganisationName(IReadOnlyDictionary<string, BilingualText> names, string? organisation, Language language)
    {
        ArgumentNullException.ThrowIfNull(names);
        return organisation is null ? string.Empty : names.TryGetValue(organisation, out var name) ? name.In(language) : organisation;
    }
}

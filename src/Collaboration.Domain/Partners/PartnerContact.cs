using System.Text.Json.Serialization;
using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

/// <summary>
/// A contact person of an organisation (its liaison officer). A natural person, so the name, e-mail and phone are
/// <see cref="PersonalDetails"/>: sealed under the person's own key in the log and erasable like a talent's. Only the
/// job title, which describes the post rather than the person, stays in the clear.
/// </summary>
[JsonConverter(typeof(PartnerContactJsonConverter))]
public sealed record PartnerContact(PersonalDetails Person, string? Title)
{
    [JsonIgnore]
    public string Name => Person.FullName;

    [JsonIgnore]
    public string? Email => Person.Email;

    [JsonIgnore]
    public string? Phone => Person.Phone;

    [JsonIgnore]
    public bool IsErased => Person.IsErased;
}

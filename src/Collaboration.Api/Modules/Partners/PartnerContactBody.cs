using Collaboration.Api.Application;
using Collaboration.Api.Modules.People;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;

namespace Collaboration.Api.Modules.Partners;

/// <summary>A contact person of the organisation as a client sends it. Name, e-mail and phone are sealed as the person's own data.</summary>
/// <param name="Name">The contact's name.</param>
/// <param name="Title">The post they hold, e.g. Secretary-General (not personal data, kept in the clear).</param>
/// <param name="Email">E-mail address, if any.</param>
/// <param name="Phone">Phone number, if any.</param>
/// <param name="Person">The contact's person id when already known (as returned by <c>GET /api/v1/partners/{id}</c>), so one key
/// covers every record of them and one erasure removes them all; omitted for someone new.</param>
public sealed record PartnerContactBody(string Name, string? Title = null, string? Email = null, string? Phone = null, PersonId? Person = null)
{
    public const int MaxTitleLength = 200;

    /// <summary>
    /// The domain value. Without an id, a contact already on file under the same name and e-mail keeps theirs (clients that
    /// resend the contact list as they see it need not echo ids); anyone else is a new person.
    /// </summary>
    public PartnerContact ToDomain(IReadOnlyList<PartnerContact> onFile)
    {
        ArgumentNullException.ThrowIfNull(onFile);
        var person = Person
            ?? onFile.FirstOrDefault(c => !c.IsErased
                && string.Equals(c.Name, Name, StringComparison.OrdinalIgnoreCase)
                && string.Equals(c.Email, Email, StringComparison.OrdinalIgnoreCase))?.Person.Person
            ?? PersonId.New();
        return new PartnerContact(new PersonalDetails(person, Name, Email, Phone), Title);
    }

    public static void Validate(IReadOnlyList<PartnerContactBody> contacts, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        for (var i = 0; i < contacts.Count; i++)
        {
            errors.MaxLength($"contacts[{i}].name", contacts[i].Name, PersonalDetailsBody.MaxNameLength)
                .MaxLength($"contacts[{i}].title", contacts[i].Title, MaxTitleLength)
                .MaxLength($"contacts[{i}].email", contacts[i].Email, PersonalDetailsBody.MaxEmailLength)
                .MaxLength($"contacts[{i}].phone", contacts[i].Phone, PersonalDetailsBody.MaxPhoneLength);
        }
    }
}

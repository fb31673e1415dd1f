using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;

namespace Collaboration.Api.Modules.Partners;

/// <summary>A contact person as the API shows it.</summary>
/// <param name="Person">The contact's person id: send it back when updating the partner, and erase with it.</param>
/// <param name="Name">The name, or <c>[erased]</c> once the person was erased.</param>
/// <param name="Title">The post they hold.</param>
/// <param name="Email">E-mail address; null once erased.</param>
/// <param name="Phone">Phone number; null once erased.</param>
/// <param name="Erased">True when the person's data was erased (crypto-shredded) and only the post remains.</param>
public sealed record PartnerContactDetails(PersonId Person, string Name, string? Title, string? Email, string? Phone, bool Erased)
{
    public static PartnerContactDetails Of(PartnerContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new(contact.Person.Person, contact.Name, contact.Title, contact.Email, contact.Phone, contact.IsErased);
    }
}

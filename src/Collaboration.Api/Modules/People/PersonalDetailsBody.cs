using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.People;

/// <summary>
/// A natural person's personal data as a client sends it (a talent, an observer): the unit that the store will
/// encrypt under the person's own key. Name, e-mail and phone appear nowhere else in a request.
/// </summary>
/// <param name="FullName">Name as on the passport or ID card.</param>
/// <param name="Email">E-mail address, if any.</param>
/// <param name="Phone">Phone number, if any.</param>
/// <param name="Person">The person's id when already known from another case or appointment (so one key covers all of
/// their records); omitted for someone new, and the server assigns one.</param>
public sealed record PersonalDetailsBody(string FullName, string? Email = null, string? Phone = null, PersonId? Person = null)
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 50;

    /// <summary>
    /// The domain value. A new person's id is drawn once per request; an idempotent replay never decides again, so it
    /// cannot mint a second person.
    /// </summary>
    public PersonalDetails ToDomain() => new(Person ?? PersonId.New(), FullName, Email, Phone);

    public void Validate(string field, ValidationErrors errors) =>
        errors.MaxLength($"{field}.fullName", FullName, MaxNameLength)
            .MaxLength($"{field}.email", Email, MaxEmailLength)
            .MaxLength($"{field}.phone", Phone, MaxPhoneLength);
}

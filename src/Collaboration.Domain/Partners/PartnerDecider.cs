using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

/// <summary>One organisation: registered, its details kept current, deactivated when it leaves.</summary>
public sealed class PartnerDecider : IDecider<PartnerState, IPartnerCommand, IPartnerEvent>
{
    public static PartnerState Initial => UnregisteredPartner.Instance;

    public static string StreamName(PartnerId id) => StreamCatalogue.Partners.StreamOf(id.Value);

    /// <summary>The facts other modules need, or null when the stream holds no partner.</summary>
    public static PartnerSummary? Summarise(PartnerState state) => state switch
    {
        ActivePartner p => new PartnerSummary(p.Id, p.Kind, p.Name, IsActive: true),
        InactivePartner p => new PartnerSummary(p.Id, p.Kind, p.Name, IsActive: false),
        _ => null,
    };

    public static Decision<IPartnerEvent> Decide(IPartnerCommand command, PartnerState state) => command switch
    {
        RegisterPartner c => Register(c, state),
        UpdatePartnerDetails c => Update(c, state),
        DeactivatePartner c => Deactivate(c, state),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown partner command."),
    };

    public static PartnerState Evolve(PartnerState state, IPartnerEvent @event) => (state, @event) switch
    {
        (UnregisteredPartner, PartnerRegistered e) => new ActivePartner(e.Partner, e.Kind, e.Name, e.Contacts, e.ExternalReference),
        (ActivePartner p, PartnerDetailsUpdated e) => p with { Kind = e.Kind, Name = e.Name, Contacts = e.Contacts },
        (ActivePartner p, PartnerDeactivated e) => new InactivePartner(p.Id, p.Kind, p.Name, p.Contacts, p.ExternalReference, e.Reason),
        _ => state,
    };

    private static Decision<IPartnerEvent> Register(RegisterPartner c, PartnerState state)
    {
        if (state is not UnregisteredPartner)
        {
            return PartnerErrors.AlreadyRegistered;
        }

        if (ValidateDetails(c.Kind, c.Name, c.Contacts) is { } invalid)
        {
            return invalid;
        }

        string? reference = null;
        if (c.ExternalReference is not null)
        {
            reference = PartnerReference.Normalise(c.ExternalReference);
            if (!PartnerReference.IsValid(reference))
            {
                return PartnerErrors.ReferenceInvalid;
            }
        }

        return new IPartnerEvent[] { new PartnerRegistered(c.Partner, c.Kind, c.Name, c.Contacts, reference, c.At) };
    }

    private static Decision<IPartnerEvent> Update(UpdatePartnerDetails c, PartnerState state) => state switch
    {
        UnregisteredPartner => PartnerErrors.NotRegistered,
        InactivePartner => PartnerErrors.Inactive,
        _ when ValidateDetails(c.Kind, c.Name, c.Contacts) is { } invalid => invalid,
        _ => new IPartnerEvent[] { new PartnerDetailsUpdated(c.Partner, c.Kind, c.Name, c.Contacts, c.At) },
    };

    private static Decision<IPartnerEvent> Deactivate(DeactivatePartner c, PartnerState state) => state switch
    {
        UnregisteredPartner => PartnerErrors.NotRegistered,
        InactivePartner => PartnerErrors.Inactive,
        _ when c.Reason.IsEmpty => PartnerErrors.ReasonRequired,
        _ => new IPartnerEvent[] { new PartnerDeactivated(c.Partner, c.Reason, c.At) },
    };

    private static DomainError? ValidateDetails(PartnerKind kind, BilingualText name, IReadOnlyList<PartnerContact> contacts)
    {
        if (!Enum.IsDefined(kind))
        {
            return PartnerErrors.KindInvalid;
        }

        if (name.IsEmpty)
        {
            return PartnerErrors.NameRequired;
        }

        return contacts.Any(IsInvalid) ? PartnerErrors.ContactInvalid : null;
    }

    private static bool IsInvalid(PartnerContact contact) =>
        string.IsNullOrWhiteSpace(contact.Name)
        || (contact.Email is not null && !contact.Email.Contains('@', StringComparison.Ordinal));
}

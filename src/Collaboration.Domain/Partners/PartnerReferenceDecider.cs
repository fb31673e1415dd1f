using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Partners;

/// <summary>
/// Uniqueness of an external reference spans partner streams, which no partner aggregate can see.
/// One tiny stream per normalised reference makes it a single-stream fact: the application appends
/// the reservation with "no stream" as the expected revision, so two concurrent imports of the same
/// reference cannot both win, and only then registers the partner.
/// </summary>
public sealed class PartnerReferenceDecider
    : IDecider<PartnerReferenceState, IPartnerReferenceCommand, IPartnerReferenceEvent>
{
    public static PartnerReferenceState Initial => FreeReference.Instance;

    public static string StreamName(string reference) => StreamCatalogue.PartnerReferences.StreamOf(PartnerReference.Normalise(reference));

    public static Decision<IPartnerReferenceEvent> Decide(IPartnerReferenceCommand command, PartnerReferenceState state) =>
        command switch
        {
            ReservePartnerReference c => Reserve(c, state),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown reference command."),
        };

    public static PartnerReferenceState Evolve(PartnerReferenceState state, IPartnerReferenceEvent @event) =>
        (state, @event) switch
        {
            (FreeReference, PartnerReferenceReserved e) => new ReservedReference(e.Reference, e.Partner),
            _ => state,
        };

    private static Decision<IPartnerReferenceEvent> Reserve(ReservePartnerReference c, PartnerReferenceState state)
    {
        var reference = PartnerReference.Normalise(c.Reference);
        if (!PartnerReference.IsValid(reference))
        {
            return PartnerErrors.ReferenceInvalid;
        }

        return state switch
        {
            // A retried import for the same partner is not a conflict: nothing new to record.
            ReservedReference r when r.Partner == c.Partner => Decision<IPartnerReferenceEvent>.Accept(),
            ReservedReference => PartnerErrors.ReferenceTaken,
            _ => new IPartnerReferenceEvent[] { new PartnerReferenceReserved(reference, c.Partner, c.At) },
        };
    }
}

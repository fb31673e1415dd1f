using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.PublicityPoints;

/// <summary>
/// A foreign-related policy publicity point (涉外政策宣传点): a place the district recognises, where someone explains the
/// catalogue's policies to foreign residents. Designated, revised (hours, address, which policies), withdrawn.
/// </summary>
public sealed class PublicityPointDecider : IDecider<PublicityPointState, IPublicityPointCommand, IPublicityPointEvent>
{
    public static PublicityPointState Initial => NoPublicityPoint.Instance;

    public static string StreamName(PublicityPointId id) => StreamCatalogue.PublicityPoints.StreamOf(id.Value);

    public static Decision<IPublicityPointEvent> Decide(IPublicityPointCommand command, PublicityPointState state) => command switch
    {
        DesignatePublicityPoint c => Designate(c, state),
        RevisePublicityPoint c => Revise(c, state),
        WithdrawPublicityPoint c => Withdraw(c, state),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown publicity point command."),
    };

    public static PublicityPointState Evolve(PublicityPointState state, IPublicityPointEvent @event) => (state, @event) switch
    {
        (NoPublicityPoint, PublicityPointDesignated e) => new DesignatedPublicityPoint(e.Point, e.Details, e.DesignatedOn),
        (DesignatedPublicityPoint p, PublicityPointRevised e) => p with { Details = e.Details },
        (DesignatedPublicityPoint p, PublicityPointWithdrawn e) => new WithdrawnPublicityPoint(p.Id, p.Details, p.DesignatedOn, e.Reason),
        _ => state,
    };

    private static Decision<IPublicityPointEvent> Designate(DesignatePublicityPoint c, PublicityPointState state)
    {
        if (state is not NoPublicityPoint)
        {
            return PublicityPointErrors.AlreadyDesignated;
        }

        return Validate(c.Details) is { } invalid
            ? invalid
            : new IPublicityPointEvent[] { new PublicityPointDesignated(c.Point, c.Details, c.DesignatedOn, c.At) };
    }

    private static Decision<IPublicityPointEvent> Revise(RevisePublicityPoint c, PublicityPointState state)
    {
        if (state is not DesignatedPublicityPoint designated)
        {
            return state is WithdrawnPublicityPoint ? PublicityPointErrors.Withdrawn : PublicityPointErrors.NotDesignated;
        }

        if (Validate(c.Details) is { } invalid)
        {
            return invalid;
        }

        return designated.Details.SameAs(c.Details)
            ? PublicityPointErrors.Unchanged
            : new IPublicityPointEvent[] { new PublicityPointRevised(c.Point, c.Details, c.At) };
    }

    private static Decision<IPublicityPointEvent> Withdraw(WithdrawPublicityPoint c, PublicityPointState state) => state switch
    {
        NoPublicityPoint => PublicityPointErrors.NotDesignated,
        WithdrawnPublicityPoint => PublicityPointErrors.Withdrawn,
        _ when c.Reason.IsEmpty => PublicityPointErrors.ReasonRequired,
        _ => new IPublicityPointEvent[] { new PublicityPointWithdrawn(c.Point, c.Reason, c.At) },
    };

    private static DomainError? Validate(PublicityPointDetails details)
    {
        if (details.Name.IsEmpty)
        {
            return PublicityPointErrors.NameRequired;
        }

        if (details.Address.IsEmpty)
        {
            return PublicityPointErrors.AddressRequired;
        }

        // A point that explains nothing is not one; the same policy twice is a typing slip.
        return details.Policies.Count == 0 || details.Policies.Distinct().Count() != details.Policies.Count
            ? PublicityPointErrors.PoliciesRequired
            : null;
    }
}

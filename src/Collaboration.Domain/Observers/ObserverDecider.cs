using System.Text.RegularExpressions;
using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Observers;

/// <summary>The Observer aggregate: appointment and term of one Government Affairs Public Observer (政务公开观察员).</summary>
public sealed partial class ObserverDecider : IDecider<ObserverState, IObserverCommand, IObserverEvent>
{
    public static ObserverState Initial => NotAppointed.Instance;

    public static string StreamName(ObserverId id) => StreamCatalogue.Observers.StreamOf(id.Value);

    public static Decision<IObserverEvent> Decide(IObserverCommand command, ObserverState state) => command switch
    {
        AppointObserver c => Appoint(c, state),
        ExtendObserverTerm c => Extend(c, state),
        EndObserverTerm c => End(c, state),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown observer command."),
    };

    public static ObserverState Evolve(ObserverState state, IObserverEvent @event) => (state, @event) switch
    {
        (NotAppointed, ObserverAppointed e) => new Active(
            e.Observer, e.Batch, e.Details, e.Nationality, e.Roles, new ObserverTerm(e.TermStart, e.TermEnd)),
        (Active a, ObserverTermExtended e) => a with { Term = a.Term with { End = e.NewTermEnd } },
        (Active a, ObserverTermEnded e) => new TermEnded(
            a.Observer, a.Batch, a.Details, a.Nationality, a.Roles, a.Term, e.EndsOn, e.Reason),

        // Replaying the log must never fail; an event that does not apply leaves the state as it was.
        _ => state,
    };

    private static Decision<IObserverEvent> Appoint(AppointObserver c, ObserverState state)
    {
        if (state is not NotAppointed)
        {
            return ObserverErrors.AlreadyAppointed;
        }

        if (c.By.Role != ActorRole.Office)
        {
            return ObserverErrors.OfficeOnly;
        }

        if (c.Batch < 1)
        {
            return ObserverErrors.BatchInvalid;
        }

        if (string.IsNullOrWhiteSpace(c.Details.FullName))
        {
            return ObserverErrors.NameRequired;
        }

        if (!CountryCode().IsMatch(c.Nationality ?? string.Empty))
        {
            return ObserverErrors.NationalityInvalid;
        }

        if (c.Roles is null || c.Roles.Count == 0)
        {
            return ObserverErrors.RolesRequired;
        }

        if (c.Roles.Any(r => !Enum.IsDefined(r)))
        {
            return ObserverErrors.RoleUnknown;
        }

        if (c.TermEnd <= c.TermStart)
        {
            return ObserverErrors.TermInvalid;
        }

        // Roles are a set: duplicates are dropped and the order fixed so equal appointments give equal events.
        var roles = c.Roles.Distinct().Order().ToArray();
        return new IObserverEvent[]
        {
            new ObserverAppointed(c.Observer, c.Batch, c.Details, c.Nationality!, roles, c.TermStart, c.TermEnd, c.By.Id, c.At),
        };
    }

    private static Decision<IObserverEvent> Extend(ExtendObserverTerm c, ObserverState state)
    {
        if (state is not Active active)
        {
            return state is TermEnded ? ObserverErrors.TermAlreadyEnded : ObserverErrors.NotAppointed;
        }

        if (c.By.Role != ActorRole.Office)
        {
            return ObserverErrors.OfficeOnly;
        }

        if (c.NewTermEnd <= active.Term.End)
        {
            return ObserverErrors.ExtensionNotLater;
        }

        return new IObserverEvent[] { new ObserverTermExtended(c.Observer, active.Term.End, c.NewTermEnd, c.By.Id, c.At) };
    }

    private static Decision<IObserverEvent> End(EndObserverTerm c, ObserverState state)
    {
        if (state is not Active active)
        {
            return state is TermEnded ? ObserverErrors.TermAlreadyEnded : ObserverErrors.NotAppointed;
        }

        if (c.By.Role != ActorRole.Office)
        {
            return ObserverErrors.OfficeOnly;
        }

        if (c.Reason is null || c.Reason.IsEmpty)
        {
            return ObserverErrors.ReasonRequired;
        }

        // Ending after the last day would change nothing: the term has already run out by itself.
        if (!active.Term.Covers(c.EndsOn))
        {
            return ObserverErrors.EndOutsideTerm;
        }

        return new IObserverEvent[] { new ObserverTermEnded(c.Observer, c.EndsOn, c.Reason, c.By.Id, c.At) };
    }

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryCode();
}

using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;

namespace Collaboration.Domain.Feedback;

/// <summary>
/// The Feedback aggregate: one item of observer feedback from submission to an answer on (or off) the
/// public board. Checks run in a fixed order — existence, who acts, state, then inputs — so a caller
/// always learns the most fundamental problem first.
/// </summary>
public sealed class FeedbackDecider : IDecider<FeedbackState, IFeedbackCommand, IFeedbackEvent>
{
    public static FeedbackState Initial => NotSubmitted.Instance;

    public static string StreamName(FeedbackId id) => StreamCatalogue.Feedback.StreamOf(id.Value);

    public static Decision<IFeedbackEvent> Decide(IFeedbackCommand command, FeedbackState state) => command switch
    {
        SubmitFeedback c => Submit(c, state),
        AcknowledgeFeedback c => Acknowledge(c, state),
        RouteFeedback c => Route(c, state),
        AnswerFeedback c => Answer(c, state),
        RateFeedbackAnswer c => Rate(c, state),
        PublishFeedback c => Publish(c, state),
        KeepFeedbackPrivate c => KeepPrivate(c, state),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown feedback command."),
    };

    public static FeedbackState Evolve(FeedbackState state, IFeedbackEvent @event) => (state, @event) switch
    {
        (NotSubmitted, FeedbackSubmitted e) => new Submitted(
            new FeedbackItem(e.Feedback, e.Observer, e.Topic, e.Policy, e.WrittenIn, e.Text, e.SubmittedOn)),
        (Submitted s, FeedbackAcknowledged e) => new Acknowledged(s.Item, e.At),
        (Acknowledged a, FeedbackRouted e) => new Routed(a.Item, a.AcknowledgedAt, RoutingOf(e)),
        (Routed r, FeedbackRouted e) => r with { Routing = RoutingOf(e) },
        (Routed r, FeedbackAnswered e) => new Answered(r.Item, r.Routing, new FeedbackReply(e.Answer, e.AnsweredOn), null),
        (AnsweredFeedback f, FeedbackAnswerRated e) => f with { Stars = e.Stars },
        (AnsweredFeedback f, FeedbackPublished e) => new Published(f.Item, f.Routing, f.Reply, f.Stars, e.At),
        (AnsweredFeedback f, FeedbackKeptPrivate e) => new KeptPrivate(f.Item, f.Routing, f.Reply, f.Stars, e.Reason),

        // Replaying the log must never fail; an event that does not apply leaves the state as it was.
        _ => state,
    };

    private static FeedbackRouting RoutingOf(FeedbackRouted e) => new(e.Department, e.DepartmentName, e.RoutedOn, e.AnswerDueOn);

    private static Decision<IFeedbackEvent> Submit(SubmitFeedback c, FeedbackState state)
    {
        if (state is not NotSubmitted)
        {
            return FeedbackErrors.AlreadySubmitted;
        }

        if (!ObserverActors.Is(c.By, c.Submitter.Observer))
        {
            return FeedbackErrors.NotTheObserver;
        }

        // The term is judged on the Shanghai calendar day of submission, the same day the observer sees.
        var submittedOn = DistrictTime.DateOf(c.At);
        if (!c.Submitter.IsActiveOn(submittedOn))
        {
            return FeedbackErrors.ObserverNotActive;
        }

        if (!Enum.IsDefined(c.WrittenIn))
        {
            return FeedbackErrors.LanguageUnknown;
        }

        // A topic only in the other language would be a translation nobody wrote; ask for the author's own.
        if (c.Topic is null || string.IsNullOrWhiteSpace(c.WrittenIn == Language.Zh ? c.Topic.Zh : c.Topic.En))
        {
            return FeedbackErrors.TopicRequired;
        }

        if ((c.Topic.Zh?.Length ?? 0) > FeedbackRules.MaxTopicLength || (c.Topic.En?.Length ?? 0) > FeedbackRules.MaxTopicLength)
        {
            return FeedbackErrors.TopicTooLong;
        }

        if (string.IsNullOrWhiteSpace(c.Text))
        {
            return FeedbackErrors.TextRequired;
        }

        if (c.Text.Length > FeedbackRules.MaxTextLength)
        {
            return FeedbackErrors.TextTooLong;
        }

        return new IFeedbackEvent[]
        {
            new FeedbackSubmitted(c.Feedback, c.Submitter.Observer, c.Topic, c.Policy, c.WrittenIn, c.Text, submittedOn, c.At),
        };
    }

    private static Decision<IFeedbackEvent> Acknowledge(AcknowledgeFeedback c, FeedbackState state)
    {
        if (state is NotSubmitted)
        {
            return FeedbackErrors.NotFound;
        }

        if (c.By.Role != ActorRole.Office)
        {
            return FeedbackErrors.OfficeOnly;
        }

        if (state is not Submitted)
        {
            return FeedbackErrors.AlreadyAcknowledged;
        }

        return new IFeedbackEvent[] { new FeedbackAcknowledged(c.Feedback, c.By.Id, c.At) };
    }

    private static Decision<IFeedbackEvent> Route(RouteFeedback c, FeedbackState state)
    {
        if (state is NotSubmitted)
        {
            return FeedbackErrors.NotFound;
        }

        if (c.By.Role != ActorRole.Office)
        {
            return FeedbackErrors.OfficeOnly;
        }

        switch (state)
        {
            case Submitted:
                return FeedbackErrors.NotAcknowledged;
            case AnsweredFeedback:
                return FeedbackErrors.AlreadyAnswered;
            case Routed r when r.Routing.Department == c.To.Department:
                return FeedbackErrors.AlreadyRoutedThere;
        }

        if (!c.To.IsGovernmentDepartment)
        {
            return FeedbackErrors.NotAGovernmentDepartment;
        }

        if (c.To.Name is null || c.To.Name.IsEmpty)
        {
            return FeedbackErrors.DepartmentNameRequired;
        }

        // Re-routing restarts the clock: the new department cannot be held to days it never had.
        var routedOn = DistrictTime.DateOf(c.At);
        var due = FeedbackRules.AnswerDueOn(routedOn, FeedbackRules.Calendar);
        return new IFeedbackEvent[]
        {
            new FeedbackRouted(c.Feedback, c.To.Department, c.To.Name, routedOn, FeedbackRules.AnswerWorkingDays, due, c.By.Id, c.At),
        };
    }

    private static Decision<IFeedbackEvent> Answer(AnswerFeedback c, FeedbackState state)
    {
        if (state is not Routed routed)
        {
            return state switch
            {
                NotSubmitted => FeedbackErrors.NotFound,
                AnsweredFeedback => FeedbackErrors.AlreadyAnswered,
                _ => FeedbackErrors.NotRouted,
            };
        }

        var routing = routed.Routing;

        // Not every department has its own accounts yet, so the office may record an answer for it.
        var mayAnswer = c.By.Role == ActorRole.Office
            || (c.By.Role == ActorRole.Partner && c.By.Organisation == routing.Department);
        if (!mayAnswer)
        {
            return FeedbackErrors.NotTheRoutedDepartment;
        }

        if (c.Answer is null || !c.Answer.IsComplete)
        {
            return FeedbackErrors.AnswerNeedsBothLanguages;
        }

        if (c.Answer.Zh!.Length > FeedbackRules.MaxAnswerLength || c.Answer.En!.Length > FeedbackRules.MaxAnswerLength)
        {
            return FeedbackErrors.AnswerTooLong;
        }

        return new IFeedbackEvent[]
        {
            new FeedbackAnswered(c.Feedback, routing.Department, c.Answer, DistrictTime.DateOf(c.At), c.By.Id, c.At),
        };
    }

    private static Decision<IFeedbackEvent> Rate(RateFeedbackAnswer c, FeedbackState state)
    {
        if (ItemOf(state) is not { } item)
        {
            return FeedbackErrors.NotFound;
        }

        if (!ObserverActors.Is(c.By, item.Observer))
        {
            return FeedbackErrors.NotTheSubmitter;
        }

        if (state is not AnsweredFeedback answered)
        {
            return FeedbackErrors.NotAnswered;
        }

        if (answered.Stars is not null)
        {
            return FeedbackErrors.AlreadyRated;
        }

        if (c.Stars is < FeedbackRules.MinRating or > FeedbackRules.MaxRating)
        {
            return FeedbackErrors.RatingOutOfRange;
        }

        return new IFeedbackEvent[] { new FeedbackAnswerRated(c.Feedback, item.Observer, c.Stars, c.At) };
    }

    private static Decision<IFeedbackEvent> Publish(PublishFeedback c, FeedbackState state)
    {
        if (state is NotSubmitted)
        {
            return FeedbackErrors.NotFound;
        }

        if (c.By.Role != ActorRole.Office)
        {
            return FeedbackErrors.OfficeOnly;
        }

        return state switch
        {
            Published => FeedbackErrors.AlreadyPublished,
            AnsweredFeedback => new IFeedbackEvent[] { new FeedbackPublished(c.Feedback, c.By.Id, c.At) },
            _ => FeedbackErrors.NotAnswered,
        };
    }

    private static Decision<IFeedbackEvent> KeepPrivate(KeepFeedbackPrivate c, FeedbackState state)
    {
        if (state is NotSubmitted)
        {
            return FeedbackErrors.NotFound;
        }

        if (c.By.Role != ActorRole.Office)
        {
            return FeedbackErrors.OfficeOnly;
        }

        if (state is not AnsweredFeedback)
        {
            return FeedbackErrors.NotAnswered;
        }

        if (state is KeptPrivate)
        {
            return FeedbackErrors.AlreadyPrivate;
        }

        if (c.Reason is null || c.Reason.IsEmpty)
        {
            return FeedbackErrors.ReasonRequired;
        }

        return new IFeedbackEvent[] { new FeedbackKeptPrivate(c.Feedback, c.Reason, state is Published, c.By.Id, c.At) };
    }

    private static FeedbackItem? ItemOf(FeedbackState state) => state switch
    {
        Submitted s => s.Item,
        Acknowledged a => a.Item,
        Routed r => r.Item,
        AnsweredFeedback f => f.Item,
        _ => null,
    };
}

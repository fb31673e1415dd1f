using Collaboration.Domain.Calendar;
using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>
/// The talent-service case as a pure decider.
/// <para>
/// Deadlines need the working-day calendar. The decider reads <see cref="WorkingCalendar.China"/>
/// directly instead of taking a pre-computed due date in the command: the calendar is immutable data
/// compiled into this assembly, so <c>Decide</c> stays a pure function of (command, state), and the
/// decider — not the caller — stays the only place that decides a deadline. Every event records the
/// date it decided, so shipping a corrected calendar file later never rewrites an existing case.
/// </para>
/// </summary>
public sealed class TalentCaseDecider : IDecider<TalentCaseState, ITalentCaseCommand, ITalentCaseEvent>
{
    /// <summary>Calendar days after resolution or rejection during which the case may be reopened.</summary>
    public const int ReopenWindowCalendarDays = 30;

    public const int MaxExtensionWorkingDays = 15;

    public const int MaxNoteLength = 4000;

    public static WorkingCalendar Calendar => WorkingCalendar.China;

    public static TalentCaseState Initial => TalentCaseState.NotOpened.Instance;

    public static string StreamName(TalentCaseId id) => StreamCatalogue.TalentCases.StreamOf(id.Value);

    /// <summary>The deadline for a service opened (or reopened) on <paramref name="openedOn"/>.</summary>
    public static DateOnly DueDate(DateOnly openedOn, int serviceLimitWorkingDays, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(openedOn, serviceLimitWorkingDays);

    public static Decision<ITalentCaseEvent> Decide(ITalentCaseCommand command, TalentCaseState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);

        if (command is OpenTalentCase open)
        {
            return state is TalentCaseState.NotOpened ? Open(open) : TalentCaseErrors.AlreadyOpened;
        }

        var file = FileOf(state);
        if (file is null)
        {
            return TalentCaseErrors.NotOpened;
        }

        if (DistrictTime.DateOf(command.At) < file.OpenedOn)
        {
            return TalentCaseErrors.DateBeforeOpening;
        }

        return command switch
        {
            AssignTalentCase c => Assign(c, state, file),
            AddTalentCaseNote c => AddNote(c, file),
            RequestTalentInformation c => RequestInformation(c, state),
            RecordTalentInformationReceived c => ReceiveInformation(c, state, file),
            ExtendTalentCaseDeadline c => Extend(c, state, file),
            EscalateTalentCase c => Escalate(c, state, file),
            ResolveTalentCase c => Resolve(c, state, file),
            RejectTalentCase c => Reject(c, state),
            ReopenTalentCase c => Reopen(c, state, file),
            RecordTalentSatisfaction c => RecordSatisfaction(c, state, file),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown talent-case command."),
        };
    }

    public static TalentCaseState Evolve(TalentCaseState state, ITalentCaseEvent @event) => (state, @event) switch
    {
        (TalentCaseState.NotOpened, TalentCaseOpened e) => new TalentCaseState.Open(new TalentCaseFile(
            e.Case, e.Talent, e.Nationality, e.Category, e.Service, e.ReferredBy, e.OpenedOn,
            e.ServiceLimitWorkingDays, e.DueOn, Assignment: null, Extended: false, Escalation: null, ReopenCount: 0)),
        (_, TalentCaseAssigned e) => WithFile(state, f => f with { Assignment = new CaseAssignment(e.Department, e.Officer) }),
        (TalentCaseState.Open o, TalentCaseInformationRequested e) => new TalentCaseState.AwaitingInformation(o.File, e.Request, e.RequestedOn),
        (TalentCaseState.AwaitingInformation a, TalentCaseInformationReceived e) => new TalentCaseState.Open(a.File with { DueOn = e.DueOn }),
        (_, TalentCaseDeadlineExtended e) => WithFile(state, f => f with { DueOn = e.DueOn, Extended = true }),
        (_, TalentCaseEscalated e) => WithFile(state, f => f with { Escalation = e.Level }),
        (TalentCaseState.Open o, TalentCaseResolved e) => new TalentCaseState.Resolved(o.File, e.Outcome, e.ResolvedOn, e.WithinDeadline, Satisfaction: null),
        (_, TalentCaseRejected e) when FileOf(state) is { } f => new TalentCaseState.Rejected(f, e.Reason, e.RejectedOn),
        (_, TalentCaseReopened e) when FileOf(state) is { } f => new TalentCaseState.Open(f with { DueOn = e.DueOn, ReopenCount = f.ReopenCount + 1 }),
        (TalentCaseState.Resolved r, TalentCaseSatisfactionRecorded e) => r with { Satisfaction = e.Score },

        // Notes change nothing the rules depend on; unknown combinations cannot come from Decide.
        _ => state,
    };

    internal static TalentCaseFile? FileOf(TalentCaseState state) => state switch
    {
        TalentCaseState.Open o => o.File,
        TalentCaseState.AwaitingInformation a => a.File,
        TalentCaseState.Resolved r => r.File,
        TalentCaseState.Rejected r => r.File,
        _ => null,
    };

    private static TalentCaseState WithFile(TalentCaseState state, Func<TalentCaseFile, TalentCaseFile> change) => state switch
    {
        TalentCaseState.Open o => o with { File = change(o.File) },
        TalentCaseState.AwaitingInformation a => a with { File = change(a.File) },
        TalentCaseState.Resolved r => r with { File = change(r.File) },
        TalentCaseState.Rejected r => r with { File = change(r.File) },
        _ => state,
    };

    private static bool IsActive(TalentCaseState state) =>
        state is TalentCaseState.Open or TalentCaseState.AwaitingInformation;

    private static bool IsOffice(Actor actor) => actor.Role == ActorRole.Office;

    private static bool IsOfficeOrReferrer(Actor actor, TalentCaseFile file) =>
        IsOffice(actor) || (actor.Role == ActorRole.Partner && file.ReferredBy is { } referrer && actor.Organisation == referrer);

    private static Decision<ITalentCaseEvent> Open(OpenTalentCase c)
    {
        if (c.By.Role == ActorRole.Partner && (c.ReferredBy is null || c.ReferredBy != c.By.Organisation))
        {
            return TalentCaseErrors.ReferrerMismatch;
        }

        if (c.By.Role is not (ActorRole.Office or ActorRole.Partner))
        {
            return TalentCaseErrors.OfficeOnly;
        }

        if (string.IsNullOrWhiteSpace(c.Talent.FullName))
        {
            return TalentCaseErrors.TalentNameRequired;
        }

        if (string.IsNullOrWhiteSpace(c.Talent.Email) && string.IsNullOrWhiteSpace(c.Talent.Phone))
        {
            return TalentCaseErrors.TalentContactRequired;
        }

        // Only a plausibility check: the office confirms contact details by phone anyway.
        if (!string.IsNullOrWhiteSpace(c.Talent.Email) && !IsPlausibleEmail(c.Talent.Email))
        {
            return TalentCaseErrors.TalentEmailInvalid;
        }

        if (!IsIsoCountryCode(c.Nationality))
        {
            return TalentCaseErrors.NationalityInvalid;
        }

        if (!Enum.IsDefined(c.Service) || !Enum.IsDefined(c.Category))
        {
            return TalentCaseErrors.UnknownService;
        }

        var openedOn = DistrictTime.DateOf(c.At);
        var limit = ServiceStandard.WorkingDaysFor(c.Service);
        return new ITalentCaseEvent[]
        {
            new TalentCaseOpened(c.Case, c.Talent, c.Nationality, c.Category, c.Service, c.ReferredBy,
                openedOn, limit, DueDate(openedOn, limit, Calendar), c.By.Id, c.At),
        };
    }

    private static Decision<ITalentCaseEvent> Assign(AssignTalentCase c, TalentCaseState state, TalentCaseFile file)
    {
        if (!IsOffice(c.By))
        {
            return TalentCaseErrors.OfficeOnly;
        }

        if (!IsActive(state))
        {
            return TalentCaseErrors.Closed;
        }

        if (string.IsNullOrWhiteSpace(c.Department))
        {
            return TalentCaseErrors.DepartmentRequired;
        }

        if (string.IsNullOrWhiteSpace(c.Officer))
        {
            return TalentCaseErrors.OfficerRequired;
        }

        if (file.Assignment == new CaseAssignment(c.Department, c.Officer))
        {
            return TalentCaseErrors.AlreadyAssigned;
        }

        return new ITalentCaseEvent[] { new TalentCaseAssigned(c.Case, c.Department, c.Officer, c.By.Id, c.At) };
    }

    // Notes are allowed on closed cases too: follow-up after closure is still worth recording.
    private static Decision<ITalentCaseEvent> AddNote(AddTalentCaseNote c, TalentCaseFile file)
    {
        if (!IsOfficeOrReferrer(c.By, file))
        {
            return TalentCaseErrors.NotReferrer;
        }

        if (string.IsNullOrWhiteSpace(c.Text))
        {
            return TalentCaseErrors.NoteRequired;
        }

        if (c.Text.Length > MaxNoteLength)
        {
            return TalentCaseErrors.NoteTooLong;
        }

        return new ITalentCaseEvent[] { new TalentCaseNoteAdded(c.Case, new PersonalNote(file.Talent.Person, c.Text), c.By.Id, c.At) };
    }

    private static Decision<ITalentCaseEvent> RequestInformation(RequestTalentInformation c, TalentCaseState state)
    {
        if (!IsOffice(c.By))
        {
            return TalentCaseErrors.OfficeOnly;
        }

        if (state is TalentCaseState.AwaitingInformation)
        {
            return TalentCaseErrors.InformationAlreadyRequested;
        }

        if (!IsActive(state))
        {
            return TalentCaseErrors.Closed;
        }

        if (c.Request.IsEmpty)
        {
            return TalentCaseErrors.RequestRequired;
        }

        return new ITalentCaseEvent[] { new TalentCaseInformationRequested(c.Case, c.Request, DistrictTime.DateOf(c.At), c.By.Id, c.At) };
    }

    /// <summary>
    /// The pause rule: the clock stops at the end of the request day (the officer worked that day) and
    /// restarts after the receipt day (the officer gets the next working day). The paused working days
    /// are those in (requested, received] and the deadline moves by exactly that many working days.
    /// Received on the request day → nothing paused.
    /// </summary>
    private static Decision<ITalentCaseEvent> ReceiveInformation(RecordTalentInformationReceived c, TalentCaseState state, TalentCaseFile file)
    {
        if (!IsOfficeOrReferrer(c.By, file))
        {
            return TalentCaseErrors.NotReferrer;
        }

        if (state is not TalentCaseState.AwaitingInformation awaiting)
        {
            return TalentCaseErrors.NoOpenRequest;
        }

        var receivedOn = DistrictTime.DateOf(c.At);
        if (receivedOn < awaiting.RequestedOn)
        {
            return TalentCaseErrors.ReceivedBeforeRequest;
        }

        var paused = Calendar.WorkingDaysBetween(awaiting.RequestedOn, receivedOn);
        var due = Calendar.AddWorkingDays(file.DueOn, paused);
        return new ITalentCaseEvent[] { new TalentCaseInformationReceived(c.Case, receivedOn, paused, due, c.By.Id, c.At) };
    }

    private static Decision<ITalentCaseEvent> Extend(ExtendTalentCaseDeadline c, TalentCaseState state, TalentCaseFile file)
    {
        if (!IsOffice(c.By))
        {
            return TalentCaseErrors.OfficeOnly;
        }

        if (!IsActive(state))
        {
            return TalentCaseErrors.Closed;
        }

        if (file.Extended)
        {
            return TalentCaseErrors.AlreadyExtended;
        }

        if (c.Reason.IsEmpty)
        {
            return TalentCaseErrors.ReasonRequired;
        }

        if (c.ExtraWorkingDays is < 1 or > MaxExtensionWorkingDays)
        {
            return TalentCaseErrors.ExtensionOutOfRange;
        }

        var due = Calendar.AddWorkingDays(file.DueOn, c.ExtraWorkingDays);
        return new ITalentCaseEvent[] { new TalentCaseDeadlineExtended(c.Case, c.Reason, c.ExtraWorkingDays, file.DueOn, due, c.By.Id, c.At) };
    }

    private static Decision<ITalentCaseEvent> Escalate(EscalateTalentCase c, TalentCaseState state, TalentCaseFile file)
    {
        if (!IsOffice(c.By))
        {
            return TalentCaseErrors.OfficeOnly;
        }

        if (!IsActive(state))
        {
            return TalentCaseErrors.Closed;
        }

        if (c.Reason.IsEmpty)
        {
            return TalentCaseErrors.ReasonRequired;
        }

        if (!Enum.IsDefined(c.Level) || (file.Escalation is { } current && c.Level <= current))
        {
            return TalentCaseErrors.EscalationNotHigher;
        }

        return new ITalentCaseEvent[] { new TalentCaseEscalated(c.Case, c.Reason, c.Level, c.By.Id, c.At) };
    }

    /// <summary>
    /// Not while awaiting information: resolving would silently drop the open request. The officer
    /// records the receipt first, or rejects the case if the applicant never answers.
    /// </summary>
    private static Decision<ITalentCaseEvent> Resolve(ResolveTalentCase c, TalentCaseState state, TalentCaseFile file)
    {
        if (!IsOffice(c.By))
        {
            return TalentCaseErrors.OfficeOnly;
        }

        if (state is TalentCaseState.AwaitingInformation)
        {
            return TalentCaseErrors.AwaitingInformation;
        }

        if (!IsActive(state))
        {
            return TalentCaseErrors.Closed;
        }

        if (c.Outcome.IsEmpty)
        {
            return TalentCaseErrors.OutcomeRequired;
        }

        var resolvedOn = DistrictTime.DateOf(c.At);
        return new ITalentCaseEvent[] { new TalentCaseResolved(c.Case, c.Outcome, resolvedOn, resolvedOn <= file.DueOn, c.By.Id, c.At) };
    }

    private static Decision<ITalentCaseEvent> Reject(RejectTalentCase c, TalentCaseState state)
    {
        if (!IsOffice(c.By))
        {
            return TalentCaseErrors.OfficeOnly;
        }

        if (!IsActive(state))
        {
            return TalentCaseErrors.Closed;
        }

        if (c.Reason.IsEmpty)
        {
            return TalentCaseErrors.ReasonRequired;
        }

        return new ITalentCaseEvent[] { new TalentCaseRejected(c.Case, c.Reason, DistrictTime.DateOf(c.At), c.By.Id, c.At) };
    }

    /// <summary>
    /// A reopened case gets a fresh service-standard clock from the reopening day. The one extension
    /// stays used: "extend once" is per case, so reopening cannot be used to buy a second extension.
    /// </summary>
    private static Decision<ITalentCaseEvent> Reopen(ReopenTalentCase c, TalentCaseState state, TalentCaseFile file)
    {
        if (!IsOffice(c.By))
        {
            return TalentCaseErrors.OfficeOnly;
        }

        DateOnly? closedOn = state switch
        {
            TalentCaseState.Resolved r => r.ResolvedOn,
            TalentCaseState.Rejected r => r.RejectedOn,
            _ => null,
        };
        if (closedOn is null)
        {
            return TalentCaseErrors.NotClosed;
        }

        if (c.Reason.IsEmpty)
        {
            return TalentCaseErrors.ReasonRequired;
        }

        var reopenedOn = DistrictTime.DateOf(c.At);
        if (reopenedOn > closedOn.Value.AddDays(ReopenWindowCalendarDays))
        {
            return TalentCaseErrors.ReopenWindowClosed;
        }

        if (reopenedOn < closedOn.Value)
        {
            return TalentCaseErrors.DateBeforeOpening;
        }

        var due = DueDate(reopenedOn, file.ServiceLimitWorkingDays, Calendar);
        return new ITalentCaseEvent[] { new TalentCaseReopened(c.Case, c.Reason, reopenedOn, due, c.By.Id, c.At) };
    }

    private static Decision<ITalentCaseEvent> RecordSatisfaction(RecordTalentSatisfaction c, TalentCaseState state, TalentCaseFile file)
    {
        if (!IsOfficeOrReferrer(c.By, file))
        {
            return TalentCaseErrors.NotReferrer;
        }

        if (state is not TalentCaseState.Resolved resolved)
        {
            return TalentCaseErrors.NotResolved;
        }

        if (resolved.Satisfaction is not null)
        {
            return TalentCaseErrors.SatisfactionAlreadyRecorded;
        }

        if (c.Score is < 1 or > 5)
        {
            return TalentCaseErrors.SatisfactionOutOfRange;
        }

        return new ITalentCaseEvent[] { new TalentCaseSatisfactionRecorded(c.Case, c.Score, c.By.Id, c.At) };
    }

    private static bool IsIsoCountryCode(string? code) =>
        code is { Length: 2 } && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]);

    private static bool IsPlausibleEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1 && email.IndexOf('@', at + 1) < 0 && !email.Any(char.IsWhiteSpace);
    }
}

using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Mediator;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>Body of <c>POST /api/v1/talent-cases/{id}/extend-deadline</c>; allowed once per case.</summary>
/// <param name="Reason">Why more time is needed, in Chinese and English.</param>
/// <param name="ExtraWorkingDays">1–15 working days added to the current due date.</param>
public sealed record ExtendTalentCaseDeadlineBody(BilingualText Reason, int ExtraWorkingDays);

[AllowedRoles(CallerRole.Office)]
public sealed record ExtendTalentCaseDeadlineRequest(Caller Caller, WriteOptions Options, TalentCaseId Case, ExtendTalentCaseDeadlineBody Body) : IWrite;

public sealed class ExtendTalentCaseDeadlineValidator : IValidator<ExtendTalentCaseDeadlineRequest>
{
    // The 1–15 range is the decider's rule (talent-case.extension-out-of-range), so it is not repeated here.
    public void Validate(ExtendTalentCaseDeadlineRequest request, ValidationErrors errors) =>
        errors.MaxLength("reason.zh", request.Body.Reason.Zh, 2000).MaxLength("reason.en", request.Body.Reason.En, 2000);
}

public sealed class ExtendTalentCaseDeadlineHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<ExtendTalentCaseDeadlineRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(ExtendTalentCaseDeadlineRequest request, CancellationToken cancellationToken) =>
        new(TalentCaseWrites.ExecuteAsync(
            executor,
            request.Case,
            StreamIntent.Update,
            actor => new ExtendTalentCaseDeadline(request.Case, request.Body.Reason, request.Body.ExtraWorkingDays, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

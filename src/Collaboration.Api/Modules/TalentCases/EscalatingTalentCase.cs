using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Mediator;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>Body of <c>POST /api/v1/talent-cases/{id}/escalate</c>; a case only moves up.</summary>
/// <param name="Reason">Why the case is escalated, in Chinese and English.</param>
/// <param name="Level">SectionHead, BureauLeadership or DistrictLeadership.</param>
public sealed record EscalateTalentCaseBody(BilingualText Reason, EscalationLevel Level);

[AllowedRoles(CallerRole.Office)]
public sealed record EscalateTalentCaseRequest(Caller Caller, WriteOptions Options, TalentCaseId Case, EscalateTalentCaseBody Body) : IWrite;

public sealed class EscalateTalentCaseValidator : IValidator<EscalateTalentCaseRequest>
{
    public void Validate(EscalateTalentCaseRequest request, ValidationErrors errors) =>
        errors.MaxLength("reason.zh", request.Body.Reason.Zh, 2000).MaxLength("reason.en", request.Body.Reason.En, 2000);
}

public sealed class EscalateTalentCaseHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<EscalateTalentCaseRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(EscalateTalentCaseRequest request, CancellationToken cancellationToken) =>
        new(TalentCaseWrites.ExecuteAsync(
            executor,
            request.Case,
            StreamIntent.Update,
            actor => new EscalateTalentCase(request.Case, request.Body.Reason, request.Body.Level, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

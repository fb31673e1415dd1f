using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Mediator;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>Body of <c>POST /api/v1/talent-cases/{id}/reject</c>.</summary>
/// <param name="Reason">Why the case is returned or not accepted (退回 / 不予受理), in Chinese and English.</param>
public sealed record RejectTalentCaseBody(BilingualText Reason);

[AllowedRoles(CallerRole.Office)]
public sealed record RejectTalentCaseRequest(Caller Caller, WriteOptions Options, TalentCaseId Case, RejectTalentCaseBody Body) : IWrite;

public sealed class RejectTalentCaseValidator : IValidator<RejectTalentCaseRequest>
{
    public void Validate(RejectTalentCaseRequest request, ValidationErrors errors) =>
        errors.MaxLength("reason.zh", request.Body.Reason.Zh, 2000).MaxLength("reason.en", request.Body.Reason.En, 2000);
}

public sealed class RejectTalentCaseHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<RejectTalentCaseRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(RejectTalentCaseRequest request, CancellationToken cancellationToken) =>
        new(TalentCaseWrites.ExecuteAsync(
            executor,
            request.Case,
            StreamIntent.Update,
            actor => new RejectTalentCase(request.Case, request.Body.Reason, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

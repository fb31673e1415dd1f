using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Mediator;

namespace Collaboration.Api.Modules.TalentCases;

/// <summary>Body of <c>POST /api/v1/talent-cases/{id}/request-information</c>; the deadline clock pauses until receipt.</summary>
/// <param name="Request">What the applicant must hand in, in Chinese and English.</param>
public sealed record RequestTalentInformationBody(BilingualText Request);

[AllowedRoles(CallerRole.Office)]
public sealed record RequestTalentInformationRequest(Caller Caller, WriteOptions Options, TalentCaseId Case, RequestTalentInformationBody Body) : IWrite;

public sealed class RequestTalentInformationValidator : IValidator<RequestTalentInformationRequest>
{
    public void Validate(RequestTalentInformationRequest request, ValidationErrors errors) =>
        errors.MaxLength("request.zh", request.Body.Request.Zh, 2000).MaxLength("request.en", request.Body.Request.En, 2000);
}

public sealed class RequestTalentInformationHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<RequestTalentInformationRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(RequestTalentInformationRequest request, CancellationToken cancellationToken) =>
        new(TalentCaseWrites.ExecuteAsync(
            executor,
            request.Case,
            StreamIntent.Update,
            actor => new RequestTalentInformation(request.Case, request.Body.Request, actor, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

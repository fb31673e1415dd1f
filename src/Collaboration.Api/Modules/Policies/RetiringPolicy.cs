using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Policies;
using Mediator;

namespace Collaboration.Api.Modules.Policies;

/// <summary>Body of <c>POST /api/v1/policies/{id}/retire</c>.</summary>
/// <param name="Reason">Why the policy no longer applies (e.g. superseded by a newer measure).</param>
public sealed record RetirePolicyBody(BilingualText Reason);

[AllowedRoles(CallerRole.Office)]
public sealed record RetirePolicyRequest(Caller Caller, WriteOptions Options, PolicyId Policy, RetirePolicyBody Body) : IWrite;

public sealed class RetirePolicyValidator : IValidator<RetirePolicyRequest>
{
    public void Validate(RetirePolicyRequest request, ValidationErrors errors) =>
        errors.MaxLength("reason.zh", request.Body.Reason.Zh, 2000).MaxLength("reason.en", request.Body.Reason.En, 2000);
}

public sealed class RetirePolicyHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<RetirePolicyRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(RetirePolicyRequest request, CancellationToken cancellationToken) =>
        new(executor.ExecuteAsync<PolicyDecider, PolicyState, IPolicyCommand, IPolicyEvent>(
            request.Policy.Value,
            PolicyDecider.StreamName(request.Policy),
            StreamIntent.Update,
            _ => new RetirePolicy(request.Policy, request.Body.Reason, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

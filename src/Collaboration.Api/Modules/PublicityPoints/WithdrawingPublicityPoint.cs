using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.PublicityPoints;
using Mediator;

namespace Collaboration.Api.Modules.PublicityPoints;

/// <summary>Body of <c>POST /api/v1/publicity-points/{id}/withdraw</c>.</summary>
/// <param name="Reason">Why the place no longer serves as a publicity point (e.g. the service centre moved).</param>
public sealed record WithdrawPublicityPointBody(BilingualText Reason);

[AllowedRoles(CallerRole.Office)]
public sealed record WithdrawPublicityPointRequest(Caller Caller, WriteOptions Options, PublicityPointId Point, WithdrawPublicityPointBody Body) : IWrite;

public sealed class WithdrawPublicityPointValidator : IValidator<WithdrawPublicityPointRequest>
{
    public void Validate(WithdrawPublicityPointRequest request, ValidationErrors errors) =>
        errors.MaxLength("reason.zh", request.Body.Reason.Zh, 2000).MaxLength("reason.en", request.Body.Reason.En, 2000);
}

public sealed class WithdrawPublicityPointHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<WithdrawPublicityPointRequest, CommandOutcome>
{
    public ValueTask<CommandOutcome> Handle(WithdrawPublicityPointRequest request, CancellationToken cancellationToken) =>
        new(executor.ExecuteAsync<PublicityPointDecider, PublicityPointState, IPublicityPointCommand, IPublicityPointEvent>(
            request.Point.Value,
            PublicityPointDecider.StreamName(request.Point),
            StreamIntent.Update,
            _ => new WithdrawPublicityPoint(request.Point, request.Body.Reason, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken));
}

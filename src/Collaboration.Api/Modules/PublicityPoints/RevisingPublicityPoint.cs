using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.PublicityPoints;
using Mediator;

namespace Collaboration.Api.Modules.PublicityPoints;

[AllowedRoles(CallerRole.Office)]
public sealed record RevisePublicityPointRequest(Caller Caller, WriteOptions Options, PublicityPointId Point, PublicityPointBody Body) : IWrite;

public sealed class RevisePublicityPointValidator : IValidator<RevisePublicityPointRequest>
{
    public void Validate(RevisePublicityPointRequest request, ValidationErrors errors) => PublicityPointBody.Validate(string.Empty, request.Body, errors);
}

public sealed class RevisePublicityPointHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<RevisePublicityPointRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(RevisePublicityPointRequest request, CancellationToken cancellationToken)
    {
        var details = request.Body.ToDetails();
        if (await PublicityPointPolicies.CheckAsync(executor, details.Policies, cancellationToken) is { } unknown)
        {
            return new CommandOutcome.Rejected(unknown);
        }

        return await executor.ExecuteAsync<PublicityPointDecider, PublicityPointState, IPublicityPointCommand, IPublicityPointEvent>(
            request.Point.Value,
            PublicityPointDecider.StreamName(request.Point),
            StreamIntent.Update,
            _ => new RevisePublicityPoint(request.Point, details, time.GetUtcNow()),
            request.Caller,
            request.Options,
            cancellationToken);
    }
}

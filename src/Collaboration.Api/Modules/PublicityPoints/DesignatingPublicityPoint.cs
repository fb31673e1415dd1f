using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.PublicityPoints;
using Mediator;

namespace Collaboration.Api.Modules.PublicityPoints;

/// <summary>Body of <c>POST /api/v1/publicity-points</c>.</summary>
/// <param name="Details">Name, address, opening hours and the policies explained there.</param>
/// <param name="DesignatedOn">The day the district recognised the point (defaults to today in the district).</param>
public sealed record DesignatePublicityPointBody(PublicityPointBody Details, DateOnly? DesignatedOn = null);

[AllowedRoles(CallerRole.Office)]
public sealed record DesignatePublicityPointRequest(Caller Caller, WriteOptions Options, PublicityPointId Point, DesignatePublicityPointBody Body) : IWrite;

public sealed class DesignatePublicityPointValidator : IValidator<DesignatePublicityPointRequest>
{
    public void Validate(DesignatePublicityPointRequest request, ValidationErrors errors) => PublicityPointBody.Validate("details.", request.Body.Details, errors);
}

public sealed class DesignatePublicityPointHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<DesignatePublicityPointRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(DesignatePublicityPointRequest request, CancellationToken cancellationToken)
    {
        var details = request.Body.Details.ToDetails();
        if (await PublicityPointPolicies.CheckAsync(executor, details.Policies, cancellationToken) is { } unknown)
        {
            return new CommandOutcome.Rejected(unknown);
        }

        var now = time.GetUtcNow();
        return await executor.ExecuteAsync<PublicityPointDecider, PublicityPointState, IPublicityPointCommand, IPublicityPointEvent>(
            request.Point.Value,
            PublicityPointDecider.StreamName(request.Point),
            StreamIntent.Create,
            _ => new DesignatePublicityPoint(request.Point, details, request.Body.DesignatedOn ?? DistrictTime.DateOf(now), now),
            request.Caller,
            request.Options,
            cancellationToken);
    }
}

using Collaboration.Api.Application;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using Mediator;

namespace Collaboration.Api.Modules.Feedback;

/// <summary>Body of <c>POST /api/v1/feedback/{id}/route</c>.</summary>
/// <param name="Department">The government department (a partner of kind GovernmentDepartment) that must answer within 10 working days.</param>
public sealed record RouteFeedbackBody(PartnerId Department);

[AllowedRoles(CallerRole.Office)]
public sealed record RouteFeedbackRequest(Caller Caller, WriteOptions Options, FeedbackId Feedback, RouteFeedbackBody Body) : IWrite;

public sealed class RouteFeedbackHandler(StreamExecutor executor, TimeProvider time) : ICommandHandler<RouteFeedbackRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(RouteFeedbackRequest request, CancellationToken cancellationToken)
    {
        // An unknown item is 404 whatever the department: the most fundamental problem is reported first.
        var item = await executor.LoadAsync<FeedbackDecider, FeedbackState, IFeedbackCommand, IFeedbackEvent>(
            FeedbackDecider.StreamName(request.Feedback), cancellationToken);
        if (!item.Exists)
        {
            return CommandOutcome.Missing();
        }

        var partner = await executor.LoadAsync<PartnerDecider, PartnerState, IPartnerCommand, IPartnerEvent>(
            PartnerDecider.StreamName(request.Body.Department), cancellationToken);
        if (PartnerDecider.Summarise(partner.State) is not { } department)
        {
            return new CommandOutcome.Rejected(FeedbackApiErrors.DepartmentUnknown);
        }

        if (!department.IsActive)
        {
            return new CommandOutcome.Rejected(FeedbackApiErrors.DepartmentInactive);
        }

        var to = new DepartmentSnapshot(department.Id, department.Name, department.Kind == PartnerKind.GovernmentDepartment);
        var at = time.GetUtcNow();
        return await FeedbackWrites.ExecuteAsync(
            executor,
            request.Feedback,
            StreamIntent.Update,
            actor => new RouteFeedback(request.Feedback, to, actor, at),
            request.Caller,
            request.Options,
            cancellationToken);
    }
}
